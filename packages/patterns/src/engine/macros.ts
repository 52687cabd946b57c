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

/** Expands `<gap:N>`, `<ws>` and `<sep>` in a pattern's regex source. */
export function expandMacros(source: string): string {
  return source.replace(MACRO_RE, (_m, name: string, arg: string | undefined) => {
    const make = MACROS[name];
    return make ? make(arg === undefined ? undefined : Number(arg)) : _m;
  });
}
