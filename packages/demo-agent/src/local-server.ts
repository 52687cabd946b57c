import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A listening local server: its base URL and a close that also drops kept-alive connections. */
export interface ListeningServer {
  url: string;
  close(): Promise<void>;
}

/** The path of a request target; an unparsable one (`GET http://[x HTTP/1.1`) is "" (a 404), never a throw. */
export function pathOf(url: string | undefined, base: string): string {
  try {
    return new URL(url ?? '/', base).pathname;
  } catch {
    return '';
  }
}

/** Listens on `port` (0: a free one) and `host` (default 127.0.0.1); `beforeClose` runs first on close. */
export async function listenLocal(
  server: Server,
  options: { port?: number; host?: string },
  beforeClose: () => void = () => {},
): Promise<ListeningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        beforeClose();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
