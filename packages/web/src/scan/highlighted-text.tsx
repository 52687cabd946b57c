import type { Finding } from '@flakestorm/patterns';
import { toSegments } from './segments.js';

const rank = { critical: 4, high: 3, medium: 2, low: 1 } as const;

/** The scanned text with each finding marked (as text nodes: the input is never parsed as markup). */
export function HighlightedText(props: { text: string; findings: readonly Finding[] }) {
  const segments = toSegments(props.text, props.findings);
  return (
    <pre className="highlighted" data-testid="highlighted">
      {segments.map((s) => {
        if (s.covering.length === 0) return <span key={s.start}>{s.text}</span>;
        const worst = s.covering.reduce((a, b) => (rank[b.severity] > rank[a.severity] ? b : a));
        return (
          <mark
            key={s.start}
            className={`hl hl-${worst.kind} sev-${worst.severity}`}
            title={s.covering.map((f) => `${f.kind}: ${f.id} (${f.severity})`).join('\n')}
          >
            {s.text}
          </mark>
        );
      })}
    </pre>
  );
}
