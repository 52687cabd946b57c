import { describe, expect, it } from 'vitest';
import { jsonlRecord } from './scan-jsonl-record.js';

describe('jsonlRecord', () => {
  it('reads the id and text of a record, and numbers a record without an id by its line', () => {
    expect(jsonlRecord('{"id":"a","text":"hello"}', 1)).toEqual({ id: 'a', text: 'hello' });
    expect(jsonlRecord('{"id":0,"text":""}', 2)).toEqual({ id: 0, text: '' });
    expect(jsonlRecord('{"text":"hi"}', 7)).toEqual({ id: 7, text: 'hi' });
  });

  it('says what is wrong with each kind of bad line', () => {
    expect(jsonlRecord('not json', 3)).toEqual({
      id: 3,
      error: 'line 3: not JSON; expected a JSON object {"id", "text"}',
    });
    expect(jsonlRecord('[1,2]', 4)).toEqual({
      id: 4,
      error: 'line 4: expected a JSON object {"id", "text"}, got an array',
    });
    expect(jsonlRecord('null', 5)).toEqual({
      id: 5,
      error: 'line 5: expected a JSON object {"id", "text"}, got null',
    });
    expect(jsonlRecord('"text"', 6)).toEqual({
      id: 6,
      error: 'line 6: expected a JSON object {"id", "text"}, got a string',
    });
    expect(jsonlRecord('{"id":"r9","text":5}', 8)).toEqual({
      id: 'r9',
      error: 'line 8: "text" must be a string, got a number',
    });
    expect(jsonlRecord('{"id":"r10"}', 9)).toEqual({
      id: 'r10',
      error: 'line 9: no "text" field; expected a JSON object {"id", "text"}',
    });
  });
});
