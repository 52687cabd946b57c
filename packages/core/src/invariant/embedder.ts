/**
 * An embedding back-end for semantic similarity (e.g. a local all-MiniLM-L6-v2 or an API). The
 * default similarity is lexical and offline; an embedder is opt-in per invariant (`method: embedding`).
 */
export interface Embedder {
  readonly name: string;
  /** One vector per text, in order. */
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** Cosine similarity of two vectors, clamped to 0..1 (0 when either is all zeros). */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return Math.max(0, Math.min(1, dot / Math.sqrt(na * nb)));
}
