#!/usr/bin/env node
// A fast local HTTP echo agent for benchmarks, run in its own process so the agent's work is not
// counted against the runner. Prints {"url": "..."} on its first stdout line, then serves until killed.
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let prompt = '';
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      prompt = typeof body.prompt === 'string' ? body.prompt : JSON.stringify(body);
    } catch {
      prompt = Buffer.concat(chunks).toString('utf8');
    }
    const out = JSON.stringify({ response: `You said: ${prompt}` });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
    res.end(out);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
