import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { createStringSink } from '../util/sinks.js';
import { mdBlock, mdCell, mdHtmlText } from './markdown-escape.js';
import { MARKDOWN_MAX_CHARS, renderMarkdownReport } from './markdown-renderer.js';

async function render(report = createFixtureReport()): Promise<string> {
  const sink = createStringSink();
  await renderMarkdownReport(reportToInput(report), sink, { redact: true });
  return sink.text();
}

describe('markdown escaping', () => {
  it('keeps table cells in one cell and inert', () => {
    expect(mdCell('a | b')).toBe('`a \\| b`');
    expect(mdCell('use `x` here')).toBe('``use `x` here``');
    expect(mdCell('`edge`')).toBe('`` `edge` ``');
    expect(mdCell('line1\nline2')).toBe('`line1 line2`');
    expect(mdCell('')).toBe(' ');
  });

  it('fences blocks longer than any backtick run inside', () => {
    const block = mdBlock('```\n</details><img src=x onerror=alert(1)>\n````');
    expect(block.startsWith('`````text\n')).toBe(true);
    expect(block.endsWith('\n`````\n')).toBe(true);
  });

  it('neutralises HTML, markdown and mentions in summary text', () => {
    const text = mdHtmlText('<b>@team</b> [x](http://e) ![i](http://t.png)');
    expect(text).not.toMatch(/[<>[\]()]/);
    expect(text).toContain('@\u200bteam');
  });
});

describe('markdown renderer', () => {
  it('shows the score, tables, and worst failures first', async () => {
    const text = await render(createFixtureReport({ cases: 200, trials: 3 }));
    expect(text).toMatch(/Flakestorm robustness: \d+\.\d% \((excellent|good|fair|poor)\)/);
    expect(text).toContain('### By mutation type');
    expect(text).toContain('### Worst failures');
    const severities = [...text.matchAll(/<\/b> · (critical|high|medium|low) ·/g)].map((m) => m[1]);
    const rank = { critical: 4, high: 3, medium: 2, low: 1 } as Record<string, number>;
    const ranks = severities.map((s) => rank[s ?? ''] ?? 0);
    expect(ranks.length).toBeGreaterThan(5);
    expect(ranks[0]).toBe(4);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it('stays under 60,000 characters with huge, hostile responses', async () => {
    const huge = `${'|'.repeat(50)}@everyone <script>alert(1)</script>${'`'.repeat(40)}\n${'x'.repeat(100_000)}`;
    const text = await render(createFixtureReport({ cases: 400, failureRate: 0.9, responses: [huge] }));
    expect(text.length).toBeLessThan(MARKDOWN_MAX_CHARS);
    expect(text).toContain('more failure(s) are in the HTML and JSON reports');
    // The payload only ever appears inside a code block or code span, never as live markdown or HTML.
    const outsideCode = text.replace(/(`{3,})text\n[\s\S]*?\n\1\n/g, '').replace(/(`+)[^`]*?\1/g, '');
    expect(outsideCode).not.toContain('@everyone');
    expect(outsideCode).not.toContain('<script>');
  });

  it('says so when nothing failed', async () => {
    const text = await render(createFixtureReport({ cases: 10, failureRate: 0 }));
    expect(text).toContain('No failures.');
  });
});
