import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stableId } from '../../random.js';

/** Where generated texts are remembered, keyed by (model, type, prompt, seed). */
export interface LlmCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, text: string): Promise<void>;
}

/** The cache key of one generation. */
export function llmCacheKey(model: string, type: string, prompt: string, seed: number): string {
  return JSON.stringify([model, type, prompt, seed]);
}

/**
 * An in-memory cache, optionally backed by a folder (one small JSON file per key), so re-runs with the
 * same seed reuse earlier generations instead of asking the model again.
 */
export function createLlmCache(dir?: string): LlmCache {
  const memory = new Map<string, string>();
  const file = (key: string): string => join(dir as string, `${stableId(key)}.json`);
  return {
    async get(key) {
      const hit = memory.get(key);
      if (hit !== undefined || dir === undefined) return hit;
      try {
        const stored = JSON.parse(await readFile(file(key), 'utf8')) as { key?: unknown; text?: unknown };
        // The key is stored too, so a hash collision is a miss rather than a wrong answer.
        if (stored.key !== key || typeof stored.text !== 'string') return undefined;
        memory.set(key, stored.text);
        return stored.text;
      } catch {
        return undefined;
      }
    },
    async set(key, text) {
      memory.set(key, text);
      if (dir === undefined) return;
      await mkdir(dir, { recursive: true });
      await writeFile(file(key), JSON.stringify({ key, text }));
    },
  };
}
