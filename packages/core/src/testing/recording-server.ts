import { createServer } from 'node:http';
import { type FixtureServer, listenLocal } from './listen.js';

/** What arrived at the recording server for one request (bodies are counted, only their start kept). */
export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  url: string;
  httpVersion: string;
  /** Query parameters in order, duplicates kept. */
  query: Array<[string, string]>;
  /** Headers in order as sent (raw names), duplicates kept. */
  headers: Array<[string, string]>;
  bodyBytes: number;
  /** The first 4 KB of the body. */
  bodyPreview: string;
  /** How many separate data chunks the body arrived in (a trickled body arrives in many). */
  chunks: number;
  /** True when the client went away before the answer was sent. */
  aborted: boolean;
}

/** A running recording server. */
export interface RecordingServer extends FixtureServer {
  readonly requests: RecordedRequest[];
}

/**
 * Starts a server that records what actually arrived (method, headers, query, body size) and answers
 * `{"output": "ok"}` after `delayMs`, for wire-mutation tests.
 */
export async function startRecordingServer(options: { delayMs?: number } = {}): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const headers: Array<[string, string]> = [];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
      headers.push([req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string]);
    const record: RecordedRequest = {
      method: req.method ?? '',
      url: req.url ?? '',
      httpVersion: req.httpVersion,
      query: [...url.searchParams],
      headers,
      bodyBytes: 0,
      bodyPreview: '',
      chunks: 0,
      aborted: false,
    };
    requests.push(record);
    const preview: Buffer[] = [];
    let previewBytes = 0;
    req.on('data', (chunk: Buffer) => {
      record.bodyBytes += chunk.length;
      record.chunks++;
      if (previewBytes < 4096) {
        preview.push(chunk.subarray(0, 4096 - previewBytes));
        previewBytes += Math.min(chunk.length, 4096 - previewBytes);
      }
    });
    res.on('close', () => {
      if (!res.writableFinished) record.aborted = true;
    });
    req.on('end', () => {
      record.bodyPreview = Buffer.concat(preview).toString('utf8');
      const answer = () => {
        if (res.destroyed) return;
        const body = JSON.stringify({ output: 'ok' });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
      };
      if (options.delayMs) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  const fixture = await listenLocal(server);
  return { ...fixture, requests };
}
