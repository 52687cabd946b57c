import { describe, expect, it } from 'vitest';
import { dashTextHint } from './dash-text-hint.js';

const unknown = (token: string): string => `error: unknown option '${token}'`;

describe('dashTextHint', () => {
  it('says how to pass text that starts with "-"', () => {
    const pem = '-----BEGIN OPENSSH PRIVATE KEY-----';
    const hint = dashTextHint('commander.unknownOption', unknown(pem), ['scan', '--json', pem]);
    expect(hint).toContain('flakestorm scan [options] -- "<text>", or pass it with --file or on stdin.');
    expect(hint).toContain('"-----BEGIN OPENSSH PRIVA..."');
    const negative = dashTextHint('commander.unknownOption', unknown('-1 is the answer'), ['mutate']);
    expect(negative).toContain('flakestorm mutate [options] -- "<text>".');
  });

  it('stays out of the way of a mistyped option, another error, or no command', () => {
    expect(dashTextHint('commander.unknownOption', unknown('--josn'), ['scan'])).toBeUndefined();
    expect(dashTextHint('commander.unknownOption', unknown('-x'), ['scan'])).toBeUndefined();
    expect(dashTextHint('commander.unknownOption', unknown('--kinds=pii'), ['scan'])).toBeUndefined();
    expect(dashTextHint('commander.missingArgument', unknown('- a b'), ['scan'])).toBeUndefined();
    expect(dashTextHint('commander.unknownOption', unknown('- a b'), ['- a b'])).toBeUndefined();
  });

  it('does not echo control characters to the terminal', () => {
    const hint = dashTextHint('commander.unknownOption', unknown('-\u001b[31mred text'), ['scan']);
    expect(hint).toContain('"-?[31mred text"');
    expect(hint).not.toContain('\u001b');
  });
});
