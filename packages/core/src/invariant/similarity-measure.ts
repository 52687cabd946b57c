import type { JsonObject } from '../json.js';
import { cosineSimilarity } from './embedder.js';
import type { InvariantContext } from './invariant-context.js';
import { stringParam } from './params.js';
import { lexicalSimilarity } from './text/lexical-similarity.js';

/** How two texts are compared: offline lexical measure (default) or an embedding back-end. */
export type SimilarityMethod = 'lexical' | 'embedding';

/** The methods a `method` param may name. */
export const similarityMethods: readonly SimilarityMethod[] = ['lexical', 'embedding'];

/** A similarity function 0..1 over two texts, possibly asynchronous (embeddings). */
export type SimilarityMeasure = (a: string, b: string) => Promise<number>;

/** Problems with `method` that only the context can reveal (an embedding asked for, none configured). */
export function similarityContextProblems(params: JsonObject, context: InvariantContext): string[] {
  return stringParam(params, 'method') === 'embedding' && !context.embedder
    ? [
        '"method: embedding" needs an embedding back-end; none is configured (use method: lexical, the default).',
      ]
    : [];
}

/**
 * Builds the measure a spec asks for. Embeddings of repeated texts (the expected answer, the
 * baseline) are cached, so each is embedded once per run.
 */
export function createSimilarityMeasure(
  params: JsonObject,
  context: InvariantContext | undefined,
): SimilarityMeasure {
  const embedder = context?.embedder;
  if (stringParam(params, 'method') !== 'embedding' || !embedder) {
    return async (a, b) => lexicalSimilarity(a, b);
  }
  const cache = new Map<string, Promise<number[]>>();
  const embed = (text: string): Promise<number[]> => {
    let vector = cache.get(text);
    if (!vector) {
      vector = embedder.embed([text]).then((v) => v[0] ?? []);
      // Only reference texts repeat; keep the cache small so answers do not pile up.
      if (cache.size < 256) cache.set(text, vector);
    }
    return vector;
  };
  return async (a, b) => cosineSimilarity(await embed(a), await embed(b));
}

/** Similarity as a percentage string for reasons, e.g. "0.72". */
export function formatScore(score: number): string {
  return score.toFixed(2);
}
