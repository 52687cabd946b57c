import type { CaseResult, RunMeta } from '@flakestorm/core';
import { failedChecks, rerunCommand, worstSeverity } from '../util/case-facts.js';
import { esc } from './html-escape.js';

const pre = (title: string, text: string) => `<h4>${esc(title)}</h4><pre>${esc(text)}</pre>`;

/** One failure laid out in full, as static escaped HTML (print and PDF). */
export function staticFailureHtml(r: CaseResult, n: number, meta: RunMeta): string {
  const severity = worstSeverity(r) ?? 'low';
  const checks = failedChecks(r);
  let html = `<div class="static-failure"><h3>${n}. <span class="sev sev-${severity}">${severity}</span> ${esc(r.mutationType)} · ${esc(r.label)}</h3>`;
  html += `<p class="muted">${esc(r.id)} · ${esc(Math.round(r.latencyMs))} ms${r.status === undefined ? '' : ` · HTTP ${esc(r.status)}`}${r.trials ? ` · ${esc(r.trials.passed)}/${esc(r.trials.count)} trials passed` : ''}</p>`;
  if (checks.length) {
    html += `<table><tr><th>Check</th><th>Severity</th><th>Reason</th></tr>${checks
      .map(
        (c) =>
          `<tr><td>${esc(c.id)}</td><td class="sev sev-${esc(c.severity)}">${esc(c.severity)}</td><td>${esc(c.reason)}</td></tr>`,
      )
      .join('')}</table>`;
  }
  if (r.error) html += pre('Error', `${r.error.cause}: ${r.error.message}`);
  html += pre('Golden prompt', r.goldenPrompt);
  html +=
    r.messages && r.messages.length > 1
      ? pre('Mutated conversation', r.messages.map((m) => `${m.role}: ${m.content}`).join('\n\n'))
      : pre('Mutated request', r.mutated);
  if (r.sent) {
    html += pre(
      'Sent on the wire',
      `${r.sent.method} ${r.sent.url}\n${r.sent.headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${r.sent.bodyPreview}\n\n(${r.sent.bodyBytes} bytes)`,
    );
  }
  html += pre('Response', r.response === '' ? '(no response)' : r.response);
  html += pre('Re-run this case', rerunCommand(meta, r.id));
  return `${html}</div>`;
}
