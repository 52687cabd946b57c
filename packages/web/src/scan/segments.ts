/** The part of a finding that highlighting needs. */
export interface Span {
  start: number;
  end: number;
}

/** A run of text and the findings that cover it (none: plain text). */
export interface Segment<T extends Span> {
  text: string;
  start: number;
  covering: T[];
}

/**
 * Cuts text at every finding boundary so overlapping findings highlight correctly. Offsets out of
 * range are clamped; empty findings are ignored. Segments concatenate back to the text exactly.
 */
export function toSegments<T extends Span>(text: string, findings: readonly T[]): Array<Segment<T>> {
  const spans = findings
    .map((f) => ({ f, start: clamp(f.start, text.length), end: clamp(f.end, text.length) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Array<Segment<T>> = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    if (end <= start) continue;
    segments.push({
      text: text.slice(start, end),
      start,
      covering: spans.filter((s) => s.start <= start && s.end >= end).map((s) => s.f),
    });
  }
  return segments;
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(0, Math.trunc(n)), max) : 0;
}
