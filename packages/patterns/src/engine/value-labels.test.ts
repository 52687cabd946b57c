import { describe, expect, it } from 'vitest';
import { createScanner } from '../scanner.js';
import { labelledNonPersonal } from './value-labels.js';

const ids = (text: string): string[] =>
  createScanner()
    .scan(text, { kinds: ['pii'] })
    .findings.map((f) => f.id);
const labelled = (text: string, value: string): boolean => {
  const start = text.indexOf(value);
  return labelledNonPersonal(text, start, start + value.length, value);
};

describe('numbers labelled as something else', () => {
  it('reads keys, camelCase keys, prose labels and time units', () => {
    expect(labelled('{"ts": 1701234567}', '1701234567')).toBe(true);
    expect(labelled('created_at=1701234567890', '1701234567890')).toBe(true);
    expect(labelled('{"expiresAt":1701234567}', '1701234567')).toBe(true);
    expect(labelled('{"orderId": "301729083"}', '301729083')).toBe(true);
    expect(labelled('checksum=4697361733', '4697361733')).toBe(true);
    expect(labelled('Order #565837024 shipped', '565837024')).toBe(true);
    expect(labelled('invoice no. 565837024', '565837024')).toBe(true);
    expect(labelled('request took 1701234567890 ms', '1701234567890')).toBe(true);
    expect(labelled('a maximum payload size of 268435455 bytes', '268435455')).toBe(true);
  });

  it("reads numbers in URLs and operands in code as no one's", () => {
    expect(labelled('https://avatars.example.com/u/130389858?s=200', '130389858')).toBe(true);
    expect(labelled('https://x.example/?ref=130389858', '130389858')).toBe(true);
    expect(labelled('return (this._bitField & 117506048) !== 0;', '117506048')).toBe(true);
    expect(labelled('seed = (seed * 1103515245 + 12345) % 2147483648', '2147483648')).toBe(true);
    expect(labelled('t.uint32(2498761568).int32(e)', '2498761568')).toBe(true);
    expect(labelled('her SIN: 130692544', '130692544')).toBe(false);
    expect(labelled('d = (16711680 & a[f]) << 16', '16711680')).toBe(true);
  });

  it('reads powers of two as constants, and keeps the sample ids test data uses', () => {
    expect(labelled('x 123456789 y', '123456789')).toBe(false);
    for (const value of ['2147483648', '4294967295', '536870912', '16777215'])
      expect(labelled(`x ${value} y`, value), value).toBe(true);
    expect(labelled('x 2147483646 y', '2147483646')).toBe(false);
  });

  it('leaves numbers alone whose label names a person, or that have no label', () => {
    expect(labelled('{"national_id": "301729083"}', '301729083')).toBe(false);
    expect(labelled('{"patientId": 4697361733}', '4697361733')).toBe(false);
    expect(labelled('card_number=4111111111111111', '4111111111111111')).toBe(false);
    expect(labelled('NPI 1234567893', '1234567893')).toBe(false);
    expect(labelled('what 1234567893', '1234567893')).toBe(false);
    expect(labelled('{"id": "536-22-1234"}', '536-22-1234')).toBe(false); // not a bare number
  });

  it('drops checksum-valid ids in records and timestamps, and keeps ids with their own label', () => {
    // 1234567893 passes the NPI checksum, 9601211021413 the RRN one, 130692544 the SIN one.
    expect(ids('{"ts": 1234567893, "user": "x"}')).toEqual([]);
    expect(ids('{"created_at": 9601211021413}')).toEqual([]);
    expect(ids('{"id": 130692544, "count": 3}')).toEqual([]);
    expect(ids('NPI: 1234567893')).toEqual(['us_npi']);
    expect(ids('His RRN is 9601211021413')).toEqual(['kr_rrn']);
    expect(ids('{"sin": "130692544"}')).toEqual(['ca_sin']);
    // Unlabelled, a checksum still vouches for it.
    expect(ids('1234567893')).toEqual(['us_npi']);
  });
});
