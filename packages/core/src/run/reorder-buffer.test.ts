import { describe, expect, it } from 'vitest';
import { createReorderBuffer } from './reorder-buffer.js';

describe('createReorderBuffer', () => {
  it('releases in index order whatever the finishing order', () => {
    const out: number[] = [];
    const buffer = createReorderBuffer<number>(10, (n) => out.push(n));
    for (const i of [3, 1, 0, 2, 5, 4]) buffer.put(i, i);
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(buffer.size).toBe(0);
    expect(buffer.peak).toBe(2);
  });

  it('skips interrupted indices and flushes what is left in order', () => {
    const out: number[] = [];
    const buffer = createReorderBuffer<number>(10, (n) => out.push(n));
    buffer.put(0, 0);
    buffer.skip(1);
    buffer.put(2, 2);
    buffer.put(5, 5);
    buffer.put(4, 4);
    expect(out).toEqual([0, 2]);
    buffer.flush();
    expect(out).toEqual([0, 2, 4, 5]);
    expect(buffer.next).toBe(6);
  });

  it('makes workers wait for room beyond the window, and wakes them', async () => {
    const buffer = createReorderBuffer<number>(2, () => {});
    let released = false;
    const waiting = buffer.waitForRoom(3).then(() => {
      released = true;
    });
    await Promise.resolve();
    expect(released).toBe(false);
    buffer.put(1, 1);
    await Promise.resolve();
    expect(released).toBe(false);
    buffer.put(0, 0);
    await waiting;
    expect(released).toBe(true);
    let woken = false;
    const other = buffer.waitForRoom(100).then(() => {
      woken = true;
    });
    buffer.wake();
    await other;
    expect(woken).toBe(true);
  });
});
