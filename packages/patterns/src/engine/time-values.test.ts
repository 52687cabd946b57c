import { describe, expect, it } from 'vitest';
import { createScanner } from '../scanner.js';
import { isTimeValue } from './time-values.js';

const ids = (text: string): string[] =>
  createScanner()
    .scan(text, { kinds: ['pii'] })
    .findings.map((f) => f.id);

describe('numbers labelled as times', () => {
  it('reads keys, camelCase keys and units that name a time', () => {
    const at = (text: string, value: string): boolean => {
      const start = text.indexOf(value);
      return isTimeValue(text, start, start + value.length, value);
    };
    expect(at('{"ts": 1701234567}', '1701234567')).toBe(true);
    expect(at('created_at=1701234567890', '1701234567890')).toBe(true);
    expect(at('{"expiresAt":1701234567}', '1701234567')).toBe(true);
    expect(at('request took 1701234567890 ms', '1701234567890')).toBe(true);
    expect(at('NPI 1234567893', '1234567893')).toBe(false);
    expect(at('what 1234567893', '1234567893')).toBe(false);
    expect(at('{"ts": "536-22-1234"}', '536-22-1234')).toBe(false); // not a bare number
  });

  it('drops a checksum-valid id that is a labelled timestamp, and keeps ids with their own label', () => {
    // 1234567893 passes the NPI checksum and 9601211021413 the RRN one.
    expect(ids('{"ts": 1234567893, "user": "x"}')).toEqual([]);
    expect(ids('{"created_at": 9601211021413}')).toEqual([]);
    expect(ids('NPI: 1234567893')).toEqual(['us_npi']);
    expect(ids('His RRN is 9601211021413')).toEqual(['kr_rrn']);
    // Unlabelled, a checksum still vouches for it.
    expect(ids('1234567893')).toEqual(['us_npi']);
  });
});
