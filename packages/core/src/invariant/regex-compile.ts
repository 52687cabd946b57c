import { findBacktrackingRisk } from '@flakestorm/patterns';

/** The result of compiling a configured regular expression: the RegExp, or a problem to report. */
export type CompiledRegex = { ok: true; regex: RegExp } | { ok: false; problem: string };

const allowedFlags = new Set(['i', 'm', 's', 'u', 'v']);

/**
 * Compiles a regex written for Python Flakestorm or for JavaScript. Python spellings that users copy
 * from their old configs are translated: leading inline flags `(?i)`, `(?ims)`, named groups `(?P<x>)`
 * and back-references `(?P=x)`. The `g`/`y` flags are dropped because a check only asks "is there a match".
 */
export function compileRegex(pattern: string, flags = ''): CompiledRegex {
  let source = pattern;
  const found = new Set<string>();
  for (const f of flags) {
    if (f === 'g' || f === 'y') continue;
    if (!allowedFlags.has(f)) return { ok: false, problem: `unknown regex flag "${f}" (use i, m, s, u)` };
    found.add(f);
  }
  const inline = /^\(\?([aimsux]+)\)/.exec(source);
  if (inline) {
    for (const f of inline[1] ?? '') {
      if (f === 'x' || f === 'a')
        return { ok: false, problem: `inline flag "(?${f})" has no JavaScript equivalent` };
      if (f !== 'u') found.add(f);
    }
    source = source.slice(inline[0].length);
  }
  source = source.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
  const jsFlags = [...found].join('');
  let regex: RegExp;
  try {
    regex = new RegExp(source, jsFlags);
  } catch (error) {
    return { ok: false, problem: `invalid regex ${JSON.stringify(pattern)}: ${(error as Error).message}` };
  }
  // Agent output is untrusted: a pattern that backtracks exponentially would let one answer stall the run.
  const risk = findBacktrackingRisk(source, jsFlags);
  if (risk && !risk.startsWith('cannot be analysed')) {
    return {
      ok: false,
      problem: `regex ${JSON.stringify(pattern)} can backtrack catastrophically (${risk}); rewrite it`,
    };
  }
  return { ok: true, regex };
}
