import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local agent answering {"response": "ok: <prompt>"} after `delayMs` (for cancellation tests). */
export async function startSlowAgent(delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => {
      const timer = setTimeout(() => {
        let prompt = '';
        try {
          prompt = String(JSON.parse(raw).prompt ?? '');
        } catch {
          prompt = raw;
        }
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ response: `ok: ${prompt.slice(0, 50)}` }));
      }, delayMs);
      res.once('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
