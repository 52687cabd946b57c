import { FlakestormError } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { isPrintableError } from './error-shape.js';
import { exitCodeForErrorCode } from './exit-codes.js';
import { createColors } from './terminal/colors.js';
import { formatError, formatUnexpected } from './terminal/format-error.js';

describe('exit codes', () => {
  it('maps config and usage errors to 2, unreachable targets to 3, interruption to 130', () => {
    expect(exitCodeForErrorCode('FLAKESTORM_CONFIG_INVALID')).toBe(2);
    expect(exitCodeForErrorCode('FLAKESTORM_CONFIG_NOT_FOUND')).toBe(2);
    expect(exitCodeForErrorCode('FLAKESTORM_USAGE')).toBe(2);
    expect(exitCodeForErrorCode('FLAKESTORM_TARGET_UNREACHABLE')).toBe(3);
    expect(exitCodeForErrorCode('FLAKESTORM_INTERRUPTED')).toBe(130);
    expect(exitCodeForErrorCode('FLAKESTORM_INTERNAL')).toBe(4);
    expect(exitCodeForErrorCode('SOMETHING_ELSE')).toBe(4);
  });
});

describe('error formatting', () => {
  it('prints file:line:col, the key, the hint, and no stack trace', () => {
    const error = new FlakestormError('FLAKESTORM_CONFIG_INVALID', 'flakestorm.yaml is not valid.', {
      hint: 'See flakestorm schema.',
      issues: [
        {
          message: 'unknown key',
          path: 'golden_prompt',
          location: { file: 'flakestorm.yaml', line: 3, column: 1 },
          hint: 'did you mean `golden_prompts`?',
        },
      ],
    });
    expect(isPrintableError(error)).toBe(true);
    const text = formatError(error, createColors(false));
    expect(text).toContain('flakestorm.yaml:3:1 golden_prompt: unknown key');
    expect(text).toContain('hint: did you mean `golden_prompts`?');
    expect(text).toContain('hint: See flakestorm schema.');
    expect(text).not.toContain('    at ');
    expect(formatError(error, createColors(false), true)).toContain('    at ');
  });

  it('does not mistake ordinary errors for FlakestormErrors', () => {
    expect(isPrintableError(new Error('x'))).toBe(false);
    expect(isPrintableError({ code: 'ENOENT', message: 'x', issues: [] })).toBe(false);
    expect(formatUnexpected(new TypeError('boom'), createColors(false))).toContain('FLAKESTORM_DEBUG=1');
  });
});
