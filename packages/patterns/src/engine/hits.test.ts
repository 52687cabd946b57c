import { describe, expect, it } from 'vitest';
import { builtinDatabase } from '../builtin.js';
import { compileDatabase } from './compile.js';
import { addStart, newHits, WHOLE } from './hits.js';

const db = compileDatabase(builtinDatabase());
const slot = 0;

/** Records `count` starts of slot 0, one every `gap` characters, on fresh scan state. */
function record(count: number, gap: number) {
  const hits = newHits(db, false);
  hits.startCount[slot] = 0;
  for (let i = 0; i < count; i++) addStart(hits, slot, i * gap);
  const result = { whole: hits.windows[slot] === WHOLE, recorded: hits.startCount[slot]! };
  hits.startCount[slot] = 0;
  return result;
}

describe('recorded match starts', () => {
  it('sends a rule over the whole text once its starts come closer than one per 64 characters', () => {
    // A flood of one trigger word: one start every 27 characters; "ignore" twice in every 96.
    expect(record(40_000, 27)).toEqual({ whole: true, recorded: 1024 });
    expect(record(40_000, 48)).toEqual({ whole: true, recorded: 1024 });
  });

  it('keeps recording sparser starts past a thousand, however long the text', () => {
    // A megabyte dense with every rule's trigger words: one start every 76 characters.
    expect(record(14_000, 76)).toEqual({ whole: false, recorded: 14_000 });
  });

  it('gives up at 65,536 starts, however sparse', () => {
    expect(record(70_000, 70)).toEqual({ whole: true, recorded: 65_536 });
  });

  it('decides the same after an earlier scan has grown the list', () => {
    record(14_000, 76);
    expect(db.table.starts[slot]!.length).toBeGreaterThanOrEqual(14_000);
    expect(record(40_000, 27)).toEqual({ whole: true, recorded: 1024 });
  });
});
