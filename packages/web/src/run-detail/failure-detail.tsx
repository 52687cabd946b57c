import type { CaseResult } from '../api/types.js';
import { duration } from '../format.js';

function TextBlock(props: { label: string; text: string }) {
  return (
    <div className="text-block">
      <h4>{props.label}</h4>
      {/* Agent and attack text is untrusted: rendered as text only, never as markup. */}
      <pre>{props.text === '' ? '(empty)' : props.text}</pre>
    </div>
  );
}

/** Everything about one failed case, as the HTML report shows it: prompt, request, wire, answer, checks. */
export function FailureDetail(props: { result: CaseResult }) {
  const r = props.result;
  const failed = r.checks.filter((c) => !c.passed);
  return (
    <div className="failure-detail" data-testid="failure-detail">
      <TextBlock label="Golden prompt" text={r.goldenPrompt} />
      {r.messages && r.messages.length > 1 ? (
        <div className="text-block">
          <h4>Conversation</h4>
          <ol className="turns">
            {r.messages.map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: turns are an ordered, immutable list
              <li key={i}>
                <span className="role">{m.role}</span>
                <pre>{m.content}</pre>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <TextBlock label={`Mutated request (${r.mutationType})`} text={r.mutated} />
      )}
      {r.sent ? (
        <div className="text-block">
          <h4>Sent on the wire{r.wireApplied === false ? ' (not applied: the target is not HTTP)' : ''}</h4>
          <pre>
            {`${r.sent.method} ${r.sent.url}${r.sent.protocol ? ` (${r.sent.protocol})` : ''}\n`}
            {r.sent.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}
            {`\n\n${r.sent.bodyPreview}`}
            {`\n[${r.sent.bodyBytes} bytes]`}
            {r.sent.burst
              ? `\nburst of ${r.sent.burst.size}, ${r.sent.burst.distinctAnswers} distinct answers`
              : ''}
            {r.sent.note ? `\n${r.sent.note}` : ''}
          </pre>
        </div>
      ) : null}
      <TextBlock
        label={`Response${r.status !== undefined ? ` (HTTP ${r.status})` : ''} · ${duration(r.latencyMs)}`}
        text={r.response}
      />
      {r.error ? (
        <div className="text-block">
          <h4>Error</h4>
          <pre>{`${r.error.cause}${r.error.status ? ` (${r.error.status})` : ''}: ${r.error.message}`}</pre>
        </div>
      ) : null}
      {failed.length > 0 ? (
        <div className="text-block">
          <h4>Failed checks</h4>
          <ul className="checks">
            {failed.map((c) => (
              <li key={c.id}>
                <span className={`sev sev-${c.severity}`}>{c.severity}</span> <strong>{c.id}</strong>{' '}
                <span className="muted">({c.type})</span>: {c.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {r.trials ? (
        <p className="muted">
          Trials: {r.trials.passed}/{r.trials.count} passed{r.trials.flaky ? ' (flaky)' : ''}
        </p>
      ) : null}
    </div>
  );
}
