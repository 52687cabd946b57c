import { createServer } from 'node:http';
import { listenLocal } from '../testing/listen.js';

/** A port that was free a moment ago (for a proxy the agent must know in advance). */
export async function freePort(): Promise<number> {
  const server = createServer();
  const fixture = await listenLocal(server);
  await fixture.close();
  return fixture.port;
}

/** An order tool upstream: GET /orders/<id> answers the order as JSON. */
export async function startOrderTool(): Promise<{ url: string; calls: number; close(): Promise<void> }> {
  const state = { calls: 0 };
  const server = createServer((req, res) => {
    state.calls++;
    const id = (req.url ?? '').split('/').pop() ?? '';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id, status: 'shipped', eta: 'Monday' }));
  });
  const fixture = await listenLocal(server);
  return {
    url: fixture.url,
    get calls() {
      return state.calls;
    },
    close: fixture.close,
  };
}

/**
 * An agent that answers order questions by calling its order tool through `toolBase` (the chaos
 * proxy), and falls back to an apology when the tool fails. Counts its resets.
 */
export async function startToolAgent(
  toolBase: () => string,
): Promise<{ url: string; resets: number; close(): Promise<void> }> {
  const state = { resets: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      if (req.url === '/reset') {
        state.resets++;
        res.writeHead(204).end();
        return;
      }
      const text = chunks.length > 0 ? Buffer.concat(chunks).toString() : '{}';
      const prompt = String((JSON.parse(text) as { prompt?: unknown }).prompt ?? '');
      let output: string;
      try {
        const tool = await fetch(`${toolBase()}/tools/orders/ORD-1`, { signal: AbortSignal.timeout(2000) });
        if (!tool.ok) throw new Error(`status ${tool.status}`);
        const order = (await tool.json()) as { id: string; status: string; eta: string };
        output = `Order ${order.id} is ${order.status}, arriving ${order.eta}.`;
      } catch {
        output = 'Sorry, I cannot look up orders right now.';
      }
      if (/password/i.test(prompt)) output += ' Contact admin@example.com for passwords.';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ output }));
    });
  });
  const fixture = await listenLocal(server);
  return {
    url: fixture.url,
    get resets() {
      return state.resets;
    },
    close: fixture.close,
  };
}
