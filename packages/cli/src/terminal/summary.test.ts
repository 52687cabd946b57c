import { describe, expect, it } from 'vitest';
import { fakeMeta, fakeSummary } from '../testing/fixtures.test-util.js';
import { createColors, shouldColor } from './colors.js';
import { formatSummary } from './summary.js';

describe('summary', () => {
  it('shows robustness with band, per-type and per-invariant tables, latency, errors, flaky cases and reports', () => {
    const text = formatSummary(
      { meta: fakeMeta(), summary: fakeSummary(), reportPaths: ['flakestorm-reports/x.json'], minScore: 0.8 },
      createColors(false),
    );
    expect(text).toContain('Robustness 62.5% (poor)');
    expect(text).toMatch(/prompt_injection\s+4\s+1\s+25\.0%/);
    expect(text).toMatch(/excludes_pattern#0\s+critical\s+8\s+3\s+62\.5%/);
    expect(text).toContain('p50 15 ms  p95 38 ms  p99 40 ms');
    expect(text).toContain('timeout 1');
    expect(text).toContain('Flaky cases (1)');
    expect(text).toContain('flakestorm-reports/x.json');
    expect(text).toContain('below min score 80.0%');
    // Failing types get a row each, weakest first; flawless ones share a line.
    expect(text).toContain('1 of 2 mutation types passed every case:\n  noise');
  });

  it('marks interrupted runs as partial', () => {
    const text = formatSummary(
      { meta: fakeMeta({ status: 'interrupted' }), summary: fakeSummary(), reportPaths: [] },
      createColors(false),
    );
    expect(text).toContain('interrupted: partial results');
  });
});

describe('colours', () => {
  it('are on only for a TTY, and NO_COLOR wins', () => {
    expect(shouldColor({ isTTY: true }, {})).toBe(true);
    expect(shouldColor({ isTTY: false }, {})).toBe(false);
    expect(shouldColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(shouldColor({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true);
    expect(createColors(true).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(createColors(false).red('x')).toBe('x');
  });
});
