import { generateKeyPairSync } from 'node:crypto';
import { isFlakestormError } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { reportToInput } from '../report-input.js';
import { createFixtureReport } from '../testing/fixture-report.js';
import { canonicalJson } from './canonical-json.js';
import { createCertificate, generateKeyPair, verifyCertificate } from './certificate.js';
import { renderCertificateHtml } from './certificate-html.js';

const report = createFixtureReport({ cases: 60 });
const keys = generateKeyPair();

describe('canonical JSON', () => {
  it('sorts keys at every level and refuses non-finite numbers', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":"x","z":1}]},"b":1}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });
});

describe('resilience certificate', () => {
  it('signs the run facts and verifies them', () => {
    const cert = createCertificate(report, {
      privateKeyPem: keys.privateKeyPem,
      issuedAt: '2025-02-03T04:05:06.000Z',
    });
    expect(cert.statement.score).toBe(Math.round(report.summary.robustness * 10_000) / 10_000);
    expect(cert.statement.configHash).toBe(report.configHash);
    expect(Object.keys(cert.statement.perType).sort()).toEqual(Object.keys(report.summary.byType).sort());
    expect(cert.statement.publicKeyFingerprint).toBe(keys.fingerprint);
    const roundTripped = JSON.parse(JSON.stringify(cert));
    expect(verifyCertificate(roundTripped)).toMatchObject({
      valid: true,
      pinned: false,
      fingerprint: keys.fingerprint,
    });
    expect(verifyCertificate(roundTripped, { publicKeyPem: keys.publicKeyPem })).toMatchObject({
      valid: true,
      pinned: true,
    });
    // A ReportInput works too.
    expect(
      verifyCertificate(createCertificate(reportToInput(report), { privateKeyPem: keys.privateKeyPem }))
        .valid,
    ).toBe(true);
  });

  it('detects any tampering', () => {
    const cert = createCertificate(report, { privateKeyPem: keys.privateKeyPem });
    const tamper = (edit: (c: ReturnType<typeof JSON.parse>) => void) => {
      const copy = JSON.parse(JSON.stringify(cert));
      edit(copy);
      return verifyCertificate(copy);
    };
    expect(tamper((c) => (c.statement.score = 0.99)).valid).toBe(false);
    expect(tamper((c) => (c.statement.agent.description = 'other agent')).valid).toBe(false);
    expect(tamper((c) => (c.statement.perType.typo.passed += 1)).valid).toBe(false);
    expect(tamper((c) => (c.statement.extra = true)).valid).toBe(false);
    expect(
      tamper(
        (c) =>
          (c.signature.value = `${c.signature.value[0] === 'A' ? 'B' : 'A'}${c.signature.value.slice(1)}`),
      ).valid,
    ).toBe(false);
    // Re-signing with another key and swapping the embedded key is caught by the fingerprint...
    const other = generateKeyPair();
    const forged = createCertificate(
      { ...report, summary: { ...report.summary, robustness: 1 } },
      { privateKeyPem: other.privateKeyPem },
    );
    expect(tamper((c) => (c.signature = forged.signature)).reason).toMatch(/fingerprint/);
    // ...and a wholly re-signed certificate verifies only as self-consistent, failing against the pinned key.
    expect(verifyCertificate(forged).valid).toBe(true);
    expect(verifyCertificate(forged, { publicKeyPem: keys.publicKeyPem })).toMatchObject({
      valid: false,
      reason: /another key/,
    });
  });

  it('rejects garbage without throwing', () => {
    for (const bad of [
      null,
      42,
      'x',
      {},
      { statement: {}, signature: {} },
      {
        statement: { type: 'flakestorm.resilience-certificate', version: 1 },
        signature: { algorithm: 'ed25519', value: 'x', publicKeyPem: 'nope' },
      },
    ]) {
      expect(verifyCertificate(bad).valid).toBe(false);
    }
  });

  it('refuses keys that are not Ed25519 and unfinished runs', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => createCertificate(report, { privateKeyPem: rsa })).toThrow(/Ed25519/);
    expect(() => createCertificate(report, { privateKeyPem: 'not a key' })).toThrow(/PEM/);
    let error: unknown;
    try {
      createCertificate({ ...report, status: 'running' }, { privateKeyPem: keys.privateKeyPem });
    } catch (e) {
      error = e;
    }
    expect(isFlakestormError(error, 'FLAKESTORM_REPORT_INVALID')).toBe(true);
  });

  it('renders a self-contained, escaped HTML page with the signed JSON', () => {
    const hostile = { ...report, agent: { kind: 'http', description: '<script>alert(1)</script>' } };
    const cert = createCertificate(hostile, { privateKeyPem: keys.privateKeyPem });
    const html = renderCertificateHtml(cert);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain("script-src 'none'");
    expect(html).toContain(keys.fingerprint);
    expect(html).toContain('flakestorm certificate verify');
  });
});
