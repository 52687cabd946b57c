import type { ErrorIssue } from '../errors.js';
import { type ConfigPath, formatConfigPath } from './config-path.js';
import { envReferenceName } from './interpolate.js';
import type { Locator } from './yaml-source.js';

/** Header names that always carry credentials. */
const CREDENTIAL_HEADERS = /^(authorization|proxy-authorization)$/i;

/** Names (of headers, query parameters, env variables) that usually hold a secret. */
const SECRET_NAME = /(api[-_]?key|apikey|token|secret|passw(or)?d|credential|cookie|private[-_]?key|^key$)/i;

/** True when a header, query parameter or env variable name usually holds a secret. */
export function isSecretName(name: string): boolean {
  return CREDENTIAL_HEADERS.test(name) || SECRET_NAME.test(name);
}

// A value "looks like" a credential when it is one long token; short words are local test values.
function looksLikeCredential(value: string): boolean {
  return value.length >= 8 && !/\s/.test(value);
}

/**
 * Finds secrets written literally into a config (before interpolation): `api_key` must be exactly
 * `${VAR}`, an Authorization header must take its credential from `${VAR}`, and other secret-named
 * headers, query parameters and command env entries must not hold a literal token.
 */
export function findLiteralSecrets(raw: unknown, locate: Locator | undefined): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  if (raw === null || typeof raw !== 'object') return issues;
  const root = raw as Record<string, unknown>;
  const report = (path: ConfigPath, what: string, env: string, prefix = '') => {
    const location = locate?.(path, 'value');
    issues.push({
      message: `${what} is written literally; secrets must come from the environment`,
      path: formatConfigPath(path),
      ...(location === undefined ? {} : { location }),
      hint: `write \`"${prefix}\${${env}}"\` and set ${env} in the environment`,
    });
  };
  for (const section of ['agent', 'model'] as const) {
    const value = record(root[section])?.api_key;
    if (value !== undefined && (typeof value !== 'string' || envReferenceName(value) === undefined)) {
      report(
        [section, 'api_key'],
        'an API key',
        section === 'model' ? 'GENERATOR_API_KEY' : 'OPENAI_API_KEY',
      );
    }
  }
  const agent = record(root.agent);
  for (const [field, label] of [
    ['headers', 'header'],
    ['query_params', 'query parameter'],
    ['env', 'environment entry'],
  ] as const) {
    const map = record(agent?.[field]);
    if (!map) continue;
    for (const [name, value] of Object.entries(map)) {
      if (!isSecretName(name) || value === null || value === undefined || value === '') continue;
      const text = String(value);
      if (text.includes('${')) continue;
      const credentialHeader = field === 'headers' && CREDENTIAL_HEADERS.test(name);
      if (credentialHeader || looksLikeCredential(text)) {
        const scheme = credentialHeader ? (/^(\w+)\s+\S/.exec(text)?.[1] ?? 'Bearer') : '';
        report(['agent', field, name], `the ${label} \`${name}\``, envNameFor(name), scheme && `${scheme} `);
      }
    }
  }
  return issues;
}

function envNameFor(name: string): string {
  if (CREDENTIAL_HEADERS.test(name)) return 'AGENT_API_KEY';
  const upper = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return /^[A-Z_]/.test(upper) ? upper : `AGENT_${upper}`;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
