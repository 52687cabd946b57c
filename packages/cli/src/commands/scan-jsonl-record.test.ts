import { describe, expect, it } from 'vitest';
import { jsonlRecord } from './scan-jsonl-record.js';

describe('jsonlRecord', () => {
  it('reads the id and text of a record, and numbers a record without an id by its line', () => {
    expect(jsonlRecord('{"id":"a","text":"hello"}', 1)).toEqual({ id: 'a', text: 'hello' });
    expect(jsonlRecord('{"id":0,"text":""}', 2)).toEqual({ id: 0, text: '' });
    expect(jsonlRecord('{"text":"hi"}', 7)).toEqual({ id: 7, text: 'hi' });
  });

  it.each([
    ['not json', 3, 3, 'line 3: not JSON; expected a JSON object {"id", "text"}'],
    ['[1,2]', 4, 4, 'line 4: expected a JSON object {"id", "text"}, got an array'],
    ['null', 5, 5, 'line 5: expected a JSON object {"id", "text"}, got null'],
    ['"text"', 6, 6, 'line 6: expected a JSON object {"id", "text"}, got a string'],
    ['{"id":"r9","text":5}', 8, 'r9', 'line 8: "text" must be a string, got a number'],
    ['{"id":"r10"}', 9, 'r10', 'line 9: no "text" field; expected a JSON object {"id", "text"}'],
  ])('says what is wrong with the bad line %s', (line, lineNo, id, error) => {
    expect(jsonlRecord(line, lineNo)).toEqual({ id, error });
  });
});
