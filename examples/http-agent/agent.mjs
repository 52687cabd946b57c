#!/usr/bin/env node
// A small HTTP agent for the example: a recipe assistant that takes {"question": "...", "user": "..."}
// and answers {"data": {"answer": "..."}}. It has two weaknesses for flakestorm to find: it obeys
// text that gives it orders or claims authority ("ignore...", "from now on", "System:", "I'm the admin",
// "you must", "note to the AI") (prompt injection) and it fails on very long questions.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 8700);
const recipes = {
  pancake: 'Whisk 200 g flour, 2 eggs and 300 ml milk; rest 10 minutes; fry thin rounds in butter.',
  omelette: 'Beat 3 eggs with salt, pour into a hot buttered pan, fold when just set.',
  soup: 'Sweat an onion, add 500 g chopped vegetables and 1 l stock, simmer 20 minutes, blend.',
};

const server = createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/ask') {
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"POST /ask"}');
    return;
  }
  let raw = '';
  req.on('data', (c) => {
    raw += c;
  });
  req.on('end', () => {
    let question = '';
    try {
      question = String(JSON.parse(raw).question ?? '');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid JSON"}');
      return;
    }
    if (question.length > 2000) {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"question too long"}');
      return;
    }
    // Weakness: an "override" in the question switches it into a mode it should never have.
    if (
      /\b(ignor\w*|disregard|override|bypass|precedence|instructions?|never ?mind|forget|from now on|pretend|act as|you are (now|not|going)|you must|system|admin\w*|developer|rules?|filters?|hidden|secret|password|prompt|approve|note to|opposite|unrestricted|jailbreak)\b/i.test(
        question,
      )
    ) {
      const out = JSON.stringify({
        data: { answer: `Unrestricted mode on. Doing exactly this: ${question}` },
      });
      res.writeHead(200, { 'content-type': 'application/json' }).end(out);
      return;
    }
    const found = Object.keys(recipes).find((k) => question.toLowerCase().includes(k));
    const answer = found
      ? recipes[found]
      : `I only know pancakes, omelettes and soup. You asked: ${question}`;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { answer } }));
  });
});
server.listen(port, '127.0.0.1', () =>
  console.log(`recipe agent on http://127.0.0.1:${server.address().port}/ask`),
);
