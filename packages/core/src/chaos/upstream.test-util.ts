import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny LLM + tool upstream for proxy tests: OpenAI JSON/SSE, Ollama NDJSON, and a JSON tool. */
export async function startTestUpstream(): Promise<{ url: string; close(): Promise<void> }> {
  const words = ['The', 'order', 'ORD-1', 'has', 'shipped', 'and', 'arrives', 'Monday.'];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body =
        chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {};
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v1/chat/completions') {
        const tools = body.tools !== undefined;
        if (body.stream === true) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] })}\n\n`,
          );
          for (const w of words) {
            res.write(
              `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: `${w} ` }, finish_reason: null }] })}\n\n`,
            );
          }
          res.write(
            `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`,
          );
          res.end('data: [DONE]\n\n');
          return;
        }
        const message = tools
          ? {
              role: 'assistant',
              content: null,
              tool_calls: [
                {
                  id: 'c1',
                  type: 'function',
                  function: { name: 'lookup', arguments: '{"order_id":"ORD-1"}' },
                },
              ],
            }
          : { role: 'assistant', content: words.join(' ') };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            choices: [{ index: 0, message, finish_reason: tools ? 'tool_calls' : 'stop' }],
          }),
        );
        return;
      }
      if (path === '/api/chat') {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' });
        for (const w of words)
          res.write(
            `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: `${w} ` }, done: false })}\n`,
          );
        res.end(
          `${JSON.stringify({ model: 'm', message: { role: 'assistant', content: '' }, done: true, done_reason: 'stop' })}\n`,
        );
        return;
      }
      if (path?.startsWith('/orders/')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: path.slice(8),
            status: 'shipped',
            note: 'Left at the front desk of the building.',
          }),
        );
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":"not found"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
