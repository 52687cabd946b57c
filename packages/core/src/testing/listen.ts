import type { Server } from 'node:http';
import type { Server as NetServer } from 'node:net';

/** A fixture server listening on 127.0.0.1. */
export interface FixtureServer {
  /** Base URL, e.g. "http://127.0.0.1:43567". */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port and returns its URL and a close that drops open sockets. */
export async function listenLocal(server: Server | NetServer): Promise<FixtureServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (socket: import('node:net').Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
