import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { customers } from './customers.js';

// An unparsable request target (`GET http://[x HTTP/1.1`) must not throw in the handler: it is a 404.
function pathOf(url: string | undefined, base: string): string {
  try {
    return new URL(url ?? '/', base).pathname;
  } catch {
    return '';
  }
}

/** A running order-lookup tool API. */
export interface OrderApi {
  /** Base URL; GET `${url}/orders/<id>` answers the order as JSON. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the demo's order-lookup tool: GET /orders/<id> with the fake customers' last orders (404 for
 * unknown ids), GET /health. The demo agent calls it (through the chaos proxy when one is in between).
 */
export async function startOrderApi(options: { port?: number; host?: string } = {}): Promise<OrderApi> {
  const server = createServer((req, res) => {
    const path = pathOf(req.url, 'http://orders.invalid');
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (path === '/health') return send(200, { ok: true });
    const match = /^\/orders\/([\w-]+)$/.exec(path);
    if (!match || req.method !== 'GET') return send(404, { error: 'not found: use GET /orders/<id>' });
    const customer = customers.find((c) => c.lastOrder.id === match[1]);
    if (!customer) return send(404, { error: `no order ${match[1]}` });
    return send(200, {
      id: customer.lastOrder.id,
      item: customer.lastOrder.item,
      status: customer.lastOrder.status,
      carrier: 'Acme Post',
      note: 'Customer asked for delivery to the front desk.',
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
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
