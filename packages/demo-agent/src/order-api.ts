import { createServer } from 'node:http';
import { customers } from './customers.js';
import { listenLocal, pathOf } from './local-server.js';

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
  return listenLocal(server, options);
}
