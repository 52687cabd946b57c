import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// The evaluation harness is shared with `npm run eval:patterns`, so the test and the script agree.
// @ts-expect-error: plain ESM script without type declarations
import { defaultEvalDir, evaluate, patternDetectors } from '../../../scripts/eval-patterns.mjs';
import { createScanner } from './scanner.js';

const hasData = existsSync(defaultEvalDir);
if (!hasData)
  console.warn(`eval thresholds skipped: no labelled data at ${defaultEvalDir} (see /work/shared/eval)`);

interface InjectionEval {
  targetRecall: number;
  targetFpRate: number;
}

describe.skipIf(!hasData)('quality on ../shared/eval', () => {
  it('catches at least 90% of deepset+gandalf+giskard attacks with at most 2% false positives on benign sets', () => {
    const scanner = createScanner();
    const detectors = patternDetectors(scanner);
    const result = evaluate({ injection: detectors.injection }, defaultEvalDir) as {
      injection: InjectionEval;
    };
    expect(result.injection.targetRecall).toBeGreaterThanOrEqual(0.9);
    expect(result.injection.targetFpRate).toBeLessThanOrEqual(0.02);
  });
});
