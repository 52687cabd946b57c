import type { TargetSpec } from './spec.js';
import type { Target } from './target.js';

/** What a target factory gets besides its spec. */
export interface TargetContext {
  /** Folder that relative paths (module files, commands) resolve against. */
  baseDir: string;
  timeoutMs: number;
  /** Environment used for secrets (API keys); defaults to process.env. */
  env: Record<string, string | undefined>;
}

/** Creates targets of one kind. */
export interface TargetFactory {
  readonly kind: string;
  readonly description: string;
  create(spec: TargetSpec, context: TargetContext): Target;
}
