import { esc } from '../html/html-escape.js';
import { reportCsp } from '../html/html-renderer.js';
import { pageStyle } from '../html/page-style.js';
import type { ResilienceCertificate } from './certificate.js';

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;

/**
 * A printable, self-contained page for a certificate (to attach to a release). The page is a view:
 * the signed JSON is embedded in it verbatim so anyone can copy it and run `flakestorm certificate verify`.
 */
export function renderCertificateHtml(certificate: ResilienceCertificate): string {
  const s = certificate.statement;
  const types = Object.entries(s.perType)
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(
      ([type, t]) =>
        `<tr><td>${esc(type)}</td><td>${t.passed} / ${t.total}</td><td>${pct(t.robustness)}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${reportCsp(false)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Resilience certificate · ${esc(s.agent.description)} · ${pct(s.score)}</title>
<style>${pageStyle}</style></head><body>
<header><h1>Flakestorm resilience certificate</h1><span class="facts">issued ${esc(s.issuedAt)} · flakestorm ${esc(s.tool.version)}</span></header>
<main>
<section class="wide score" id="certificate"><h2>${esc(s.agent.kind)} agent ${esc(s.agent.description)}</h2>
<p class="gauge-score">Robustness <b>${pct(s.score)}</b> (${esc(s.band)})</p>
<p>${s.cases.passed} of ${s.cases.total} cases passed · ${s.cases.failed} failed · ${s.cases.errored} errored</p></section>
<section><h2>Run</h2><table>
<tr><th>Run</th><td>${esc(s.runId)} (${esc(s.runStatus)})</td></tr>
<tr><th>Started</th><td>${esc(s.runStartedAt)}</td></tr>
<tr><th>Finished</th><td>${esc(s.runFinishedAt ?? '—')}</td></tr>
<tr><th>Config hash</th><td><code>${esc(s.configHash)}</code></td></tr>
<tr><th>Seed</th><td>${s.seed}</td></tr>
<tr><th>Signing key</th><td><code>${esc(s.publicKeyFingerprint)}</code></td></tr></table></section>
<section><h2>Results by mutation type</h2><table><tr><th>Type</th><th>Passed</th><th>Robustness</th></tr>${types}</table></section>
<section class="wide"><h2>Signed statement</h2>
<p class="muted">Save this JSON as <code>certificate.json</code> and check it offline with <code>flakestorm certificate verify certificate.json</code>. Any change to it breaks the Ed25519 signature.</p>
<pre>${esc(JSON.stringify(certificate, null, 2))}</pre></section>
</main></body></html>
`;
}
