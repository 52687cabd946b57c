import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { linkAbort } from './abort-link.js';

describe('linkAbort', () => {
  it('adds one native listener to the parent however many calls link to it', () => {
    const parent = new AbortController();
    const unlinks = Array.from({ length: 50 }, () => linkAbort(parent.signal, () => {}));
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
    for (const unlink of unlinks) unlink();
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(1);
  });

  it('calls every linked subscriber once on abort, and none that unlinked', () => {
    const parent = new AbortController();
    const calls: string[] = [];
    linkAbort(parent.signal, () => calls.push('a'));
    const unlinkB = linkAbort(parent.signal, () => calls.push('b'));
    linkAbort(parent.signal, () => calls.push('c'));
    unlinkB();
    parent.abort();
    parent.abort();
    expect(calls).toEqual(['a', 'c']);
  });

  it('links again after an abort without calling the new subscriber (the caller checks aborted)', () => {
    const parent = new AbortController();
    parent.abort();
    const calls: number[] = [];
    const unlink = linkAbort(parent.signal, () => calls.push(1));
    unlink();
    expect(calls).toEqual([]);
  });

  it('lets a subscriber unlink another one while the abort is being delivered', () => {
    const parent = new AbortController();
    const calls: string[] = [];
    let unlinkSecond = () => {};
    linkAbort(parent.signal, () => {
      calls.push('first');
      unlinkSecond();
    });
    unlinkSecond = linkAbort(parent.signal, () => calls.push('second'));
    parent.abort();
    expect(calls).toEqual(['first', 'second']);
  });
});
