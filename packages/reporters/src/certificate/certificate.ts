import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import type {
  JsonValue,
  ReportInput,
  RunMeta,
  RunReport,
  RunStatus,
  RunSummary,
  ScoreBand,
} from '@flakestorm/core';
import { FlakestormError } from '@flakestorm/core';
import { reportMeta } from '../report-input.js';
import { maskUrlCredentials } from '../util/redact-result.js';
import { canonicalJson } from './canonical-json.js';

/** What a resilience certificate states about a run. Signed as canonical JSON. */
export interface CertificateStatement {
  type: 'flakestorm.resilience-certificate';
  version: 1;
  runId: string;
  runStatus: RunStatus;
  runStartedAt: string;
  runFinishedAt: string | null;
  agent: { kind: string; description: string };
  configHash: string;
  seed: number;
  /** Robustness 0..1, rounded to 4 decimals. */
  score: number;
  band: ScoreBand;
  cases: { total: number; passed: number; failed: number; errored: number };
  perType: Record<string, { total: number; passed: number; robustness: number }>;
  tool: { name: string; version: string };
  issuedAt: string;
  /** sha256 of the signing key's SPKI DER, hex, prefixed `sha256:`. */
  publicKeyFingerprint: string;
}

/** A statement with its Ed25519 signature and the public key that checks it. */
export interface ResilienceCertificate {
  statement: CertificateStatement;
  signature: { algorithm: 'ed25519'; publicKeyPem: string; value: string };
}

/** The verdict of verifyCertificate. */
export interface CertificateVerification {
  valid: boolean;
  reason: string;
  /** Fingerprint of the key that signed it, when readable. */
  fingerprint?: string;
  /** True when checked against a key the caller supplied (not just the one embedded). */
  pinned: boolean;
}

/** An Ed25519 key pair in PEM (PKCS#8 private, SPKI public). */
export interface CertificateKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
  fingerprint: string;
}

/** Where a certificate's facts come from: a RunReport, or a report's header and summary. */
export type CertificateSource = RunReport | Pick<ReportInput, 'meta' | 'summary'>;

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The `sha256:<hex>` fingerprint of a public key. */
export function keyFingerprint(key: KeyObject): string {
  return `sha256:${createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')}`;
}

/** Creates an Ed25519 key pair for signing certificates. */
export function generateKeyPair(): CertificateKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: keyFingerprint(publicKey),
  };
}

function usage(message: string, cause?: unknown): FlakestormError {
  return new FlakestormError('FLAKESTORM_USAGE', message, {
    hint: 'Create a key with generateKeyPair() (`flakestorm certificate keygen`) and pass its private PEM file with --key.',
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Signs a statement about a finished run with an Ed25519 private key. */
export function createCertificate(
  source: CertificateSource,
  options: { privateKeyPem: string; issuedAt?: string },
): ResilienceCertificate {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(options.privateKeyPem);
  } catch (cause) {
    throw usage('The certificate key is not a readable PEM private key.', cause);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw usage(
      `The certificate key is ${privateKey.asymmetricKeyType ?? 'unknown'}; certificates are signed with Ed25519.`,
    );
  }
  const meta: RunMeta = 'meta' in source ? source.meta : reportMeta(source);
  const summary: RunSummary = source.summary;
  if (meta.status === 'running') {
    throw new FlakestormError(
      'FLAKESTORM_REPORT_INVALID',
      `Run ${meta.runId} has not finished; no certificate for it.`,
      {
        hint: 'Certify the JSON report of a finished run.',
        details: { runId: meta.runId, status: meta.status },
      },
    );
  }
  const publicKey = createPublicKey(privateKey);
  const perType: CertificateStatement['perType'] = {};
  for (const [type, slice] of Object.entries(summary.byType)) {
    perType[type] = { total: slice.total, passed: slice.passed, robustness: round(slice.robustness) };
  }
  const statement: CertificateStatement = {
    type: 'flakestorm.resilience-certificate',
    version: 1,
    runId: meta.runId,
    runStatus: meta.status,
    runStartedAt: meta.startedAt,
    runFinishedAt: meta.finishedAt ?? null,
    agent: { kind: meta.agent.kind, description: maskUrlCredentials(meta.agent.description) },
    configHash: meta.configHash,
    seed: meta.seed,
    score: round(summary.robustness),
    band: summary.band,
    cases: { total: summary.total, passed: summary.passed, failed: summary.failed, errored: summary.errored },
    perType,
    tool: { name: meta.tool.name, version: meta.tool.version },
    issuedAt: options.issuedAt ?? new Date().toISOString(),
    publicKeyFingerprint: keyFingerprint(publicKey),
  };
  const value = sign(null, Buffer.from(canonicalJson(statement as unknown as JsonValue), 'utf8'), privateKey);
  return {
    statement,
    signature: {
      algorithm: 'ed25519',
      publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      value: value.toString('base64'),
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks a certificate offline: its shape, that the embedded key matches the stated fingerprint
 * (and the caller's key, when given), and the Ed25519 signature over the canonical statement. Any
 * edit to any field makes it invalid. Never throws for a bad certificate: the verdict is data.
 */
export function verifyCertificate(
  certificate: unknown,
  options: { publicKeyPem?: string } = {},
): CertificateVerification {
  const pinned = options.publicKeyPem !== undefined;
  const fail = (reason: string, fingerprint?: string): CertificateVerification => ({
    valid: false,
    reason,
    pinned,
    ...(fingerprint === undefined ? {} : { fingerprint }),
  });
  if (!isObject(certificate) || !isObject(certificate.statement) || !isObject(certificate.signature)) {
    return fail('not a certificate: expected {statement, signature}');
  }
  const { statement, signature } = certificate;
  if (statement.type !== 'flakestorm.resilience-certificate' || statement.version !== 1) {
    return fail('not a Flakestorm resilience certificate (version 1)');
  }
  if (
    signature.algorithm !== 'ed25519' ||
    typeof signature.value !== 'string' ||
    typeof signature.publicKeyPem !== 'string'
  ) {
    return fail('the signature is missing or not Ed25519');
  }
  let embedded: KeyObject;
  try {
    embedded = createPublicKey(signature.publicKeyPem);
  } catch {
    return fail('the embedded public key is unreadable');
  }
  if (embedded.asymmetricKeyType !== 'ed25519') return fail('the embedded public key is not Ed25519');
  const fingerprint = keyFingerprint(embedded);
  if (statement.publicKeyFingerprint !== fingerprint) {
    return fail('the stated key fingerprint does not match the embedded key', fingerprint);
  }
  if (options.publicKeyPem !== undefined) {
    let trusted: KeyObject;
    try {
      trusted = createPublicKey(options.publicKeyPem);
    } catch {
      return fail('the public key given to check against is unreadable', fingerprint);
    }
    if (keyFingerprint(trusted) !== fingerprint)
      return fail(`signed by another key (${fingerprint})`, fingerprint);
  }
  let message: Buffer;
  try {
    message = Buffer.from(canonicalJson(statement as JsonValue), 'utf8');
  } catch {
    return fail('the statement is not plain JSON', fingerprint);
  }
  const bytes = Buffer.from(signature.value, 'base64');
  if (bytes.length !== 64 || !verify(null, message, embedded, bytes)) {
    return fail(
      'the signature does not match the statement: it was altered or signed by someone else',
      fingerprint,
    );
  }
  return {
    valid: true,
    reason: pinned
      ? `valid signature by the expected key ${fingerprint}`
      : `valid signature by key ${fingerprint} (key not pinned)`,
    fingerprint,
    pinned,
  };
}
