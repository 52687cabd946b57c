import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
// The evaluation harness is shared with `npm run eval:patterns`, so the test and the script agree.
// @ts-expect-error: plain ESM script without type declarations
import { defaultEvalDir, evaluate, patternDetectors } from '../../../scripts/eval-patterns.mjs';
import { createScanner } from './scanner.js';

const hasData = existsSync(defaultEvalDir);
if (!hasData)
  console.warn(`eval thresholds skipped: no labelled data at ${defaultEvalDir} (see /work/shared/eval)`);

interface Rate {
  recall: number;
  fpRate: number | null;
}
interface Evaluation {
  injection: Record<string, Rate> & { targetRecall: number; targetFpRate: number };
  pii: Record<string, Rate>;
  secrets: Record<string, Rate>;
}

describe.skipIf(!hasData)('quality on ../shared/eval', () => {
  let result: Evaluation;
  beforeAll(() => {
    result = evaluate(patternDetectors(createScanner()), defaultEvalDir) as Evaluation;
  });

  it('catches at least 90% of deepset+gandalf+giskard attacks with at most 2% false positives on benign sets', () => {
    expect(result.injection.targetRecall).toBeGreaterThanOrEqual(0.9);
    expect(result.injection.targetFpRate).toBeLessThanOrEqual(0.02);
  });

  // Regression floors a few points under the measured figures (injecguard 85%, BIPIA payloads 73%).
  it('keeps indirect and appended injections detected', () => {
    expect(result.injection['injecguard-valid']?.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.injection['injecguard-valid']?.fpRate).toBeLessThanOrEqual(0.03);
    expect(result.injection['bipia-payload']?.recall).toBeGreaterThanOrEqual(0.72);
  });

  // Measured: presidio-research 100% (redact-pii 92.9%), presidio-tests 82% recall at 11% FP.
  it('finds PII in context better than redact-pii', () => {
    expect(result.pii['presidio-research-small']?.recall).toBeGreaterThanOrEqual(0.93);
    expect(result.pii['presidio-tests']?.recall).toBeGreaterThanOrEqual(0.78);
    expect(result.pii['presidio-tests']?.fpRate).toBeLessThanOrEqual(0.15);
  });

  // Measured: gitleaks 84.5% recall at 12.8% FP, detect-secrets 59% at 13.2%.
  it('finds secrets without flagging placeholders', () => {
    expect(result.secrets['gitleaks-tests']?.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.secrets['gitleaks-tests']?.fpRate).toBeLessThanOrEqual(0.16);
    expect(result.secrets['detect-secrets-tests']?.fpRate).toBeLessThanOrEqual(0.16);
  });
});
