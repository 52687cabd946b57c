import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBoundedBody } from './read-body.js';

const options = { maxBytes: 10, where: 'POST http://127.0.0.1/x', startedAt: performance.now() };

async function* chunks(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield new TextEncoder().encode(part);
}

describe('readBoundedBody', () => {
  it('reads Node streams and async iterables alike, chunk by chunk', async () => {
    const fromStream = await readBoundedBody(
      Readable.from([Buffer.from('héllo'), Buffer.from(' w')]),
      options,
    );
    const fromIterable = await readBoundedBody(chunks('héllo', ' w'), options);
    for (const read of [fromStream, fromIterable]) {
      expect(read).toMatchObject({ text: 'héllo w', bytes: 8, invalidUtf8: false });
      expect(read.firstByteMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('fails with cause too_large past maxBytes, for both kinds of input', async () => {
    const big = Readable.from([Buffer.from('123456'), Buffer.from('789012')]);
    await expect(readBoundedBody(big, options)).rejects.toMatchObject({
      code: 'FLAKESTORM_TARGET_RESPONSE_TOO_LARGE',
      details: { cause: 'too_large', bytesRead: 12 },
    });
    await expect(readBoundedBody(chunks('123456', '789012'), options)).rejects.toMatchObject({
      details: { cause: 'too_large' },
    });
  });

  it('replaces invalid UTF-8 and says so', async () => {
    const read = await readBoundedBody(Readable.from([Buffer.from([0x61, 0xff, 0x62])]), options);
    expect(read).toMatchObject({ text: 'a\uFFFDb', invalidUtf8: true });
  });

  it('rejects when the stream errors or closes before its end', async () => {
    const failing = new PassThrough();
    const reading = readBoundedBody(failing, options);
    failing.write('ab');
    failing.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    await expect(reading).rejects.toMatchObject({ code: 'ECONNRESET' });

    const cut = new PassThrough();
    const cutReading = readBoundedBody(cut, options);
    cut.write('ab');
    cut.destroy();
    await expect(cutReading).rejects.toMatchObject({ code: 'ERR_STREAM_PREMATURE_CLOSE' });

    const already = new PassThrough();
    already.destroy(new Error('gone'));
    await expect(readBoundedBody(already, options)).rejects.toThrow('gone');
  });
});
