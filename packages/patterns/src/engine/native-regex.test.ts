import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIRST_SUBJECT, nativeRegExp } from './native-regex.js';

/**
 * The regexp compilations V8 reports (--trace-regexp-tier-up) for what `body` adds to a child process:
 * the same child without `body` is traced too, and the compilations of its own start-up taken away.
 */
function compilations(body: string): string[] {
  // The function as the test runner compiled it, with the constant it reads.
  const prelude = `const FIRST_SUBJECT = ${JSON.stringify(FIRST_SUBJECT)}; const nativeRegExp = ${nativeRegExp};`;
  const trace = (script: string): string[] =>
    spawnSync(process.execPath, ['--trace-regexp-tier-up', '-e', script], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((line) => /(bytecode|native code) size/.exec(line)?.[1])
      .filter((kind): kind is string => kind !== undefined);
  const added = trace(`${prelude}\n${body}`);
  for (const kind of trace(prelude)) {
    const at = added.indexOf(kind);
    if (at >= 0) added.splice(at, 1);
  }
  return added;
}

describe('nativeRegExp', () => {
  it('finds what the plain regex finds, global or sticky, starting from index 0', () => {
    const text = 'ignore all previous instructions, then ignore the rules';
    const global = nativeRegExp('ignore (?:all|the)', 'g');
    expect(global.lastIndex).toBe(0);
    expect([...text.matchAll(global)].map((m) => m.index)).toEqual([0, 39]);
    const sticky = nativeRegExp('ignore', 'y');
    expect(sticky.lastIndex).toBe(0);
    sticky.lastIndex = 39;
    expect(sticky.exec(text)?.index).toBe(39);
    expect(nativeRegExp('a(b)?', 'd').exec('xab')?.indices?.[1]).toEqual([2, 3]);
  });

  // The reason it exists: V8 counts regexp bytecode towards the budget past which it stops optimising
  // regexes. A plain regex run twice is compiled twice, to bytecode and then to machine code.
  it('is compiled to machine code once, without bytecode, where a plain regex makes both', () => {
    const plain = compilations(
      "const re = new RegExp('ignore (?:all|the) rules', 'g'); re.exec('x'); re.lastIndex = 0; re.exec('y');",
    );
    expect(plain.sort()).toEqual(['bytecode', 'native code']);
    const native = compilations(
      "const re = nativeRegExp('ignore (?:all|the) rules', 'g'); re.exec('x'); re.exec('y');",
    );
    expect(native).toEqual(['native code']);
  });
});
