import type { IncomingMessage } from 'node:http';

/** Reads a request body whole (fixtures only; they receive small bodies or count bytes instead). */
export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
