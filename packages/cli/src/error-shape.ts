/** The parts of a FlakestormError the CLI prints; checked structurally so `main` need not load the engine. */
export interface PrintableError {
  code: string;
  message: string;
  hint?: string | undefined;
  issues: ReadonlyArray<{
    message: string;
    path?: string;
    location?: { file: string; line: number; column: number };
    hint?: string;
  }>;
  stack?: string | undefined;
}

/** True for FlakestormError instances (from any copy of the core package) and look-alikes. */
export function isPrintableError(value: unknown): value is PrintableError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === 'string' &&
    v.code.startsWith('FLAKESTORM_') &&
    typeof v.message === 'string' &&
    Array.isArray(v.issues)
  );
}
