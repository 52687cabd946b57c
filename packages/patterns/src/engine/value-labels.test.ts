import { describe, expect, it } from 'vitest';
import { createScanner } from '../scanner.js';
import { labelledNonPersonal } from './value-labels.js';

const scanner = createScanner();
const ids = (text: string): string[] => scanner.scan(text, { kinds: ['pii'] }).findings.map((f) => f.id);
/** Each [text, value]: whether the value, where it stands in the text, is marked non-personal. */
const expectLabelled = (cases: readonly (readonly [string, string])[], verdict: boolean): void => {
  for (const [text, value] of cases) {
    const start = text.indexOf(value);
    expect(labelledNonPersonal(text, start, start + value.length, value), text).toBe(verdict);
  }
};

describe('numbers labelled as something else', () => {
  it('reads keys, camelCase keys, prose labels and units', () => {
    expectLabelled(
      [
        ['{"ts": 1701234567}', '1701234567'],
        ['created_at=1701234567890', '1701234567890'],
        ['{"expiresAt":1701234567}', '1701234567'],
        ['{"orderId": "301729083"}', '301729083'],
        ['checksum=4697361733', '4697361733'],
        ['Order #565837024 shipped', '565837024'],
        ['invoice no. 565837024', '565837024'],
        ['request took 1701234567890 ms', '1701234567890'],
        ['a maximum payload size of 268435455 bytes', '268435455'],
      ],
      true,
    );
  });

  it("reads numbers in URLs and operands in code as no one's", () => {
    expectLabelled(
      [
        ['https://avatars.example.com/u/130389858?s=200', '130389858'],
        ['https://x.example/?ref=130389858', '130389858'],
        ['return (this._bitField & 117506048) !== 0;', '117506048'],
        ['seed = (seed * 1103515245 + 12345) % 2147483648', '2147483648'],
        ['t.uint32(2498761568).int32(e)', '2498761568'],
        ['d = (16711680 & a[f]) << 16', '16711680'],
      ],
      true,
    );
    expectLabelled([['her SIN: 130692544', '130692544']], false);
  });

  it('reads powers of two as constants, and keeps the sample ids test data uses', () => {
    expectLabelled(
      ['2147483648', '4294967295', '536870912', '16777215'].map((v) => [`x ${v} y`, v] as const),
      true,
    );
    expectLabelled(
      [
        ['x 123456789 y', '123456789'],
        ['x 2147483646 y', '2147483646'],
      ],
      false,
    );
  });

  it('leaves numbers alone whose label names a person, or that have no label', () => {
    expectLabelled(
      [
        ['{"national_id": "301729083"}', '301729083'],
        ['{"patientId": 4697361733}', '4697361733'],
        ['card_number=4111111111111111', '4111111111111111'],
        ['NPI 1234567893', '1234567893'],
        ['what 1234567893', '1234567893'],
        ['{"id": "536-22-1234"}', '536-22-1234'], // not a bare number
      ],
      false,
    );
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
