import type { CaseResult, JsonValue, ReportInput, RunMeta, WireRecord } from '@flakestorm/core';
import type { Redactor } from './redaction.js';

/** Header values that carry credentials: masked in every report, whatever the redact option says. */
const credentialHeaders = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'x-auth-token',
]);

/** `scheme://user:password@` and credential-looking query parameters: masked in every report, always. */
const urlUserInfo = /\b([a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi;
const credentialParam =
  /([?&](?:api[_-]?key|apikey|key|token|access[_-]?token|secret|password|passwd|auth|sig|signature)=)[^&#\s"']+/gi;

/** Masks credentials embedded in URLs (user:password@host, ?api_key=...) wherever they appear in a text. */
export function maskUrlCredentials(text: string): string {
  return text
    .replace(urlUserInfo, '$1[REDACTED:url_credentials]@')
    .replace(credentialParam, '$1[REDACTED:url_credential]');
}

function redactJson(value: JsonValue, redact: Redactor): JsonValue {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = redactJson(item, redact);
    return out;
  }
  return value;
}

function redactWire(sent: WireRecord, redact: Redactor): WireRecord {
  return {
    ...sent,
    // The target's own URL is configuration, not agent output: only credentials in it are masked.
    url: maskUrlCredentials(sent.url),
    headers: sent.headers.map(([name, value]) => [
      name,
      credentialHeaders.has(name.toLowerCase()) ? '[REDACTED:credential_header]' : redact(value),
    ]),
    bodyPreview: redact(sent.bodyPreview),
  };
}

/** Characters kept past a preview limit before redacting, so a secret crossing the cut is still whole. */
const redactMargin = 512;

/**
 * A copy of a result with PII and secrets masked in every field that may hold prompt or agent text.
 * With `previewChars`, texts are first cut to that many characters plus a margin: renderers that only
 * show previews do not pay for scanning megabytes they will drop (they clip again after redacting).
 */
export function redactResult(result: CaseResult, redactText: Redactor, previewChars?: number): CaseResult {
  const limit = previewChars === undefined ? undefined : previewChars + redactMargin;
  const redact: Redactor =
    limit === undefined
      ? redactText
      : (text) => redactText(text.length > limit ? text.slice(0, limit) : text);
  const out: CaseResult = {
    ...result,
    goldenPrompt: redact(result.goldenPrompt),
    mutated: redact(result.mutated),
    response: redact(result.response),
    checks: result.checks.map((check) => {
      const copy = { ...check, reason: redact(check.reason) };
      if (check.details !== undefined)
        copy.details = redactJson(check.details, redact) as typeof check.details;
      return copy;
    }),
    error: result.error === null ? null : { ...result.error, message: redact(result.error.message) },
  };
  if (result.messages !== undefined) {
    out.messages = result.messages.map((message) => ({ ...message, content: redact(message.content) }));
  }
  if (result.sent !== undefined) out.sent = redactWire(result.sent, redact);
  if (result.meta !== undefined) out.meta = redactJson(result.meta, redact) as typeof result.meta;
  return out;
}

/** A copy of a run's header with the texts that may carry secrets (agent URL, command, warnings) masked. */
export function redactMeta(meta: RunMeta, redact: Redactor): RunMeta {
  const out: RunMeta = {
    ...meta,
    agent: { ...meta.agent, description: maskUrlCredentials(meta.agent.description) },
    configSource: maskUrlCredentials(meta.configSource),
    warnings: meta.warnings.map((w) => maskUrlCredentials(redact(w))),
  };
  if (meta.command !== undefined) out.command = maskUrlCredentials(redact(meta.command));
  return out;
}

/** The input a renderer works on: the same results stream, with the header masked. */
export function redactInput(input: ReportInput, redact: Redactor): ReportInput {
  return { meta: redactMeta(input.meta, redact), summary: input.summary, results: () => input.results() };
}
