import { type UIEvent, useRef } from 'react';
import type { ConfigIssue } from '../api/types.js';
import { placeIssues } from './issues-by-line.js';

/**
 * A plain textarea with a line-number gutter; lines with validation issues are marked in the gutter
 * and their messages listed under the editor, each with its line and column.
 */
export function YamlEditor(props: {
  value: string;
  onChange(value: string): void;
  issues: readonly ConfigIssue[];
}) {
  const gutter = useRef<HTMLDivElement>(null);
  const lines = props.value.split('\n');
  const placed = placeIssues(props.issues, lines.length);
  const syncScroll = (event: UIEvent<HTMLTextAreaElement>) => {
    if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
  };
  return (
    <div className="yaml-editor">
      <div className="editor-frame">
        <div className="gutter mono" ref={gutter} aria-hidden="true">
          {lines.map((_, i) => {
            const n = i + 1;
            const marked = placed.byLine.has(n);
            return (
              <div
                key={n}
                className={marked ? 'gutter-line has-issue' : 'gutter-line'}
                title={
                  marked
                    ? placed.byLine
                        .get(n)
                        ?.map((x) => x.message)
                        .join('\n')
                    : undefined
                }
              >
                {n}
              </div>
            );
          })}
        </div>
        <textarea
          className="mono editor-text"
          aria-label="Config YAML"
          spellCheck={false}
          wrap="off"
          rows={Math.min(40, Math.max(16, lines.length + 1))}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          onScroll={syncScroll}
        />
      </div>
      {props.issues.length > 0 ? (
        <ul className="issues" data-testid="config-issues">
          {[...placed.byLine.entries()]
            .sort((a, b) => a[0] - b[0])
            .flatMap(([line, issues]) =>
              issues.map((issue) => (
                <li key={`${line}:${issue.location?.column ?? 0}:${issue.message}`}>
                  <span className="mono issue-at">
                    line {line}
                    {issue.location?.column ? `:${issue.location.column}` : ''}
                  </span>{' '}
                  <span className="mono muted">{lines[line - 1]?.trim().slice(0, 60)}</span>
                  <div>
                    {issue.message}
                    {issue.path ? <span className="muted"> ({issue.path})</span> : null}
                  </div>
                  {issue.hint ? <div className="muted">{issue.hint}</div> : null}
                </li>
              )),
            )}
          {placed.general.map((issue) => (
            <li key={`general:${issue.message}`}>
              <div>{issue.message}</div>
              {issue.hint ? <div className="muted">{issue.hint}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
