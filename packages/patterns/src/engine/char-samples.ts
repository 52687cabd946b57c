/**
 * Questions about the characters an atom (a literal, a class, an escape) takes, answered on a sample of
 * characters: whether two atoms share one, whether one takes only what another does.
 */

// Characters sampled to decide whether two first-character sets intersect.
const SAMPLE: readonly string[] = (() => {
  const out: string[] = [];
  for (let c = 0; c < 0x250; c++) out.push(String.fromCharCode(c));
  // Greek and Cyrillic, and a letter of the other scripts rules are written in (Arabic, Hebrew,
  // Devanagari, Thai, CJK, Hangul, kana): classes like \p{L} meet literals in any of them.
  for (let c = 0x370; c < 0x530; c++) out.push(String.fromCharCode(c));
  for (const c of [0x627, 0x5d0, 0x915, 0xe01, 0x4e00, 0x5fcd, 0xac00, 0x3042, 0x30a2])
    out.push(String.fromCharCode(c));
  return out;
})();

export function atomsIntersect(x: readonly string[], y: readonly string[], flags: string): boolean {
  const a = sampled(x.join('|'), flags);
  const b = sampled(y.join('|'), flags);
  return a.some((taken, i) => taken === 1 && b[i] === 1);
}

export const sameAtom = (a: string, b: string, flags: string): boolean =>
  atomWithin(a, b, flags) && atomWithin(b, a, flags);

/** Whether every sampled character `inner` takes, `outer` takes too. */
export function atomWithin(inner: string, outer: string, flags: string): boolean {
  const a = sampled(inner, flags);
  const b = sampled(outer, flags);
  return a.every((taken, i) => taken === 0 || b[i] === 1);
}

// Per atom source and flags, which SAMPLE characters it takes: a user's file asks about the same few
// classes many times, and each fresh answer costs two regexes and a thousand tests.
const sampledCache = new Map<string, Uint8Array>();

function sampled(source: string, flags: string): Uint8Array {
  const f = flags.replace(/[gy]/g, '');
  const key = `${f}:${source}`;
  let taken = sampledCache.get(key);
  if (taken === undefined) {
    const re = new RegExp(`^(?:${source})$`, f);
    taken = Uint8Array.from(SAMPLE, (ch) => (re.test(ch) ? 1 : 0));
    if (sampledCache.size >= 4096) sampledCache.clear();
    sampledCache.set(key, taken);
  }
  return taken;
}
