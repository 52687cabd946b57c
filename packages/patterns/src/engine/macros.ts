/**
 * Regex macros usable in pattern files. They keep filler-word tolerance uniform and bounded:
 * a published heuristic that required exact phrases missed every "ignore all of the previous..." variant.
 */
// Complementary classes (no `u` flag needed, which keeps V8 on its fast case-insensitive path).
const SEPARATORS = '\\s.,;:!?"“”„«»()\\[\\]{}<>*=#/\\\\|~^+&%@$-';
const WORD = `[^${SEPARATORS}]{1,30}`;
const SEP = `[${SEPARATORS}]{1,20}`;

const MACROS: Readonly<Record<string, (arg: number | undefined) => string>> = {
  // Up to N filler words between two tokens; bounded so a match costs O(N) per start.
  gap: (n) => `(?:${SEP}${WORD}){0,${n ?? 3}}${SEP}`,
  // Exactly one run of separators (spaces, punctuation) between two words.
  ws: () => SEP,
  // Optional one-character separator inside numbers: "123-45-6789", "4111 1111".
  sep: () => '[ .\\-]?',
};

const MACRO_RE = /<(gap|ws|sep)(?::(\d{1,2}))?>/g;

// Validation, the vetted set and the compiler each expand every rule's regex: a cold compile did it
// three times over.
const expanded = new Map<string, string>();

/** Expands `<gap:N>`, `<ws>` and `<sep>` in a pattern's regex source. */
export function expandMacros(source: string): string {
  let out = expanded.get(source);
  if (out === undefined) {
    out = source.replace(MACRO_RE, (_m, name: string, arg: string | undefined) => {
      const make = MACROS[name];
      return make ? make(arg === undefined ? undefined : Number(arg)) : _m;
    });
    if (expanded.size >= 4096) expanded.clear();
    expanded.set(source, out);
  }
  return out;
}

// Escapes and character classes, whose parentheses open no group; then the openings that capture:
// "(" and "(?<name>", not "(?:", "(?=", "(?!", "(?<=" or "(?<!". Native searches: a loop over every
// character of every source ran in the interpreter on a cold compile.
const ESCAPE_OR_CLASS = /\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]/g;
const CAPTURE_OPENING = /\((?!\?)|\(\?<(?![=!])/g;

/** Capturing groups opened in a regex source (escapes and character classes skipped). */
export function countCaptures(source: string): number {
  if (!source.includes('(')) return 0;
  // Each replaced by one character: "([- .]?)" must not read as "(?".
  return source.replace(ESCAPE_OR_CLASS, '_').match(CAPTURE_OPENING)?.length ?? 0;
}

/**
 * The form the engine runs: macros expanded as `expandMacros` does, but each filler word of a gap taken
 * whole or not at all (`(?=(WORD))\N`, an atomic group). A word inside a gap is always followed by a
 * separator, so the shorter prefixes the plain form tries one by one when the rest fails can never
 * lead to a match: the matches are the same, and a start that fails costs one try per word instead
 * of one per character. The added groups renumber those after them, so sources with numbered
 * backreferences keep the plain form; a caller reading a numbered group must use the plain form too.
 */
export function expandMacrosAtomic(source: string): string {
  // Without a gap, or with numbered backreferences, the atomic form is the plain one.
  if (!source.includes('<gap') || /\\[1-9]/.test(source)) return expandMacros(source);
  let out = '';
  let last = 0;
  let groups = 0;
  for (const m of source.matchAll(MACRO_RE)) {
    const [token, name, arg] = m;
    const before = source.slice(last, m.index);
    out += before;
    // Counted piece by piece: counting all of `out` at every gap read long sources over and over.
    groups += countCaptures(before);
    last = m.index + token.length;
    if (name !== 'gap') {
      out += expandMacros(token);
      continue;
    }
    const group = ++groups;
    out += `(?:${SEP}(?=(${WORD}))\\${group}){0,${arg === undefined ? 3 : Number(arg)}}${SEP}`;
  }
  return out + source.slice(last);
}
