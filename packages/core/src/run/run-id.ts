import { randomBytes } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A new run id in ULID form: 10 characters of millisecond time then 16 random ones, so ids sort by
 * start time as plain strings (history lists, file names) and never collide across workers.
 */
export function createRunId(now: number = Date.now()): string {
  let time = Math.max(0, Math.floor(now));
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = randomBytes(16);
  let tail = '';
  for (const byte of bytes) tail += CROCKFORD[byte % 32];
  return head + tail;
}
