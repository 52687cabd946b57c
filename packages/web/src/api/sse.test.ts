import { describe, expect, it } from 'vitest';
import { createSseParser, readEventStream } from './sse.js';

describe('createSseParser', () => {
  it('parses events split across chunks, with comments and CRLF', () => {
    const parser = createSseParser();
    expect(parser.push(': keep-alive\n\nevent: progress\ndata: {"a"')).toEqual([]);
    expect(parser.push(':1}\r\n\r\nevent: status\ndata: x\n\n')).toEqual([
      { event: 'progress', data: '{"a":1}' },
      { event: 'status', data: 'x' },
    ]);
  });

  it('joins multi-line data and defaults the event name', () => {
    const parser = createSseParser();
    expect(parser.push('data: one\ndata:two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores blocks without data and unknown fields', () => {
    expect(createSseParser().push('event: x\nid: 3\nretry: 10\n\n')).toEqual([]);
  });
});

describe('readEventStream', () => {
  it('reads a byte stream to its end, decoding UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: héllo\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    const seen: string[] = [];
    await readEventStream(body, (e) => seen.push(e.data), new AbortController().signal);
    expect(seen).toEqual(['héllo']);
  });
});
