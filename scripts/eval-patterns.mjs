#!/usr/bin/env node
// Quality of the pattern engine on the labelled public data in ../shared/eval (relative to the repo root):
// injection recall on attack sets and false-positive rate on benign sets, PII and secret recall/FP per source.
// Usage: npm run eval:patterns   (builds packages/patterns first)   [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Default location of the evaluation data: a sibling of the repository. */
export const defaultEvalDir = resolve(here, '..', '..', 'shared', 'eval');

const ATTACK_SOURCES = ['deepset', 'gandalf', 'giskard'];
const BENIGN_SOURCES = ['notinject', 'awesome-chatgpt-prompts', 'self-instruct'];

// Presidio recognizer -> our pattern ids that count as a hit.
const PRESIDIO_MAP = {
  aba_routing: ['us_aba_routing'],
  au_abn: ['au_abn'],
  au_medicare: ['au_medicare'],
  au_tfn: ['au_tfn'],
  ca_sin: ['ca_sin'],
  credit_card: ['credit_card'],
  crypto: ['crypto_btc', 'crypto_eth'],
  de_tax_id: ['de_tax_id'],
  de_vat_id: ['eu_vat'],
  email: ['email'],
  es_nie: ['es_nie'],
  es_nif: ['es_nif'],
  fi_personal_identity_code: ['fi_hetu'],
  in_aadhaar: ['in_aadhaar'],
  in_pan: ['in_pan'],
  ip: ['ipv4', 'ipv6'],
  it_fiscal_code: ['it_fiscal_code'],
  kr_rrn: ['kr_rrn'],
  mac: ['mac_address'],
  phone: ['phone'],
  pl_pesel: ['pl_pesel'],
  se_personnummer: ['se_personnummer'],
  tr_national_id: ['tr_tc_kimlik'],
  uk_nhs: ['uk_nhs'],
  uk_nino: ['uk_nino'],
  uk_passport: ['uk_passport'],
  uk_postcode: ['uk_postcode'],
  us_bank: ['us_bank_account'],
  us_driver_license: ['us_drivers_license'],
  us_itin: ['us_itin'],
  us_mbi: ['us_mbi'],
  us_npi: ['us_npi'],
  us_passport: ['us_passport'],
  us_ssn: ['us_ssn'],
  za_id_number: ['za_id'],
};
const RESEARCH_TYPES = new Set([
  'PHONE_NUMBER',
  'CREDIT_CARD',
  'US_SSN',
  'IP_ADDRESS',
  'EMAIL_ADDRESS',
  'US_DRIVER_LICENSE',
]);

const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));

const pct = (n, d) => (d === 0 ? null : n / d);
const overlaps = (f, s, e) => f.start < e && f.end > s;

/**
 * Positives caught and negatives flagged by `detect`, per group of labelled rows (label 1 = an attack or
 * a secret): `{ [group]: { attacks, caught, benign, flagged } }`, by source unless `groupOf` says otherwise.
 */
export function tallyLabelled(rows, detect, groupOf = (row) => row.source) {
  const groups = {};
  for (const row of rows) {
    const key = groupOf(row);
    groups[key] ??= { attacks: 0, caught: 0, benign: 0, flagged: 0 };
    const g = groups[key];
    const hit = detect(row.text);
    if (row.label === 1) {
      g.attacks++;
      if (hit) g.caught++;
    } else {
      g.benign++;
      if (hit) g.flagged++;
    }
  }
  return groups;
}

/**
 * Evaluates detectors on the data in `dir`. `detectors` has optional `injection(text) => boolean`,
 * `pii(text) => {start,end,id}[]` and `secret(text) => boolean`.
 */
export function evaluate(detectors, dir = defaultEvalDir) {
  const out = { injection: {}, pii: {}, secrets: {} };
  if (detectors.injection) {
    const bySource = tallyLabelled(readJsonl(resolve(dir, 'injection-dev.jsonl')), detectors.injection);
    for (const [src, s] of Object.entries(bySource)) {
      out.injection[src] = {
        recall: pct(s.caught, s.attacks),
        fpRate: pct(s.flagged, s.benign),
        attacks: s.attacks,
        benign: s.benign,
      };
    }
    const sum = (srcs, a, b) =>
      srcs.reduce((n, src) => n + (bySource[src]?.[a] ?? 0), 0) /
      Math.max(
        1,
        srcs.reduce((n, src) => n + (bySource[src]?.[b] ?? 0), 0),
      );
    out.injection.targetRecall = sum(ATTACK_SOURCES, 'caught', 'attacks');
    out.injection.targetFpRate = sum(BENIGN_SOURCES, 'flagged', 'benign');
  }
  if (detectors.pii) {
    const tests = { expected: 0, found: 0, negatives: 0, fp: 0, skipped: 0 };
    const research = { expected: 0, found: 0 };
    for (const row of readJsonl(resolve(dir, 'pii-dev.jsonl'))) {
      if (row.source === 'presidio-research-small') {
        const findings = detectors.pii(row.text);
        for (const span of row.spans ?? []) {
          if (!RESEARCH_TYPES.has(span.type)) continue;
          research.expected++;
          if (findings.some((f) => overlaps(f, span.start, span.end))) research.found++;
        }
        continue;
      }
      const ids = PRESIDIO_MAP[row.recognizer];
      if (!ids) {
        tests.skipped++;
        continue;
      }
      const findings = detectors.pii(row.text);
      if (row.expected_count > 0) {
        tests.expected++;
        const own = findings.filter((f) => f.id === '*' || ids.includes(f.id));
        const positions = row.expected_positions;
        const ok = positions
          ? positions.every(([s, e]) => own.some((f) => overlaps(f, s, e)))
          : own.length >= row.expected_count;
        if (ok) tests.found++;
      } else {
        tests.negatives++;
        if (findings.length > 0) tests.fp++;
      }
    }
    out.pii['presidio-tests'] = {
      recall: pct(tests.found, tests.expected),
      fpRate: pct(tests.fp, tests.negatives),
      positives: tests.expected,
      negatives: tests.negatives,
      notCovered: tests.skipped,
    };
    out.pii['presidio-research-small'] = {
      recall: pct(research.found, research.expected),
      entities: research.expected,
    };
  }
  if (detectors.secret) {
    const bySource = tallyLabelled(readJsonl(resolve(dir, 'secrets-dev.jsonl')), detectors.secret);
    for (const [src, s] of Object.entries(bySource))
      out.secrets[src] = {
        recall: pct(s.caught, s.attacks),
        fpRate: pct(s.flagged, s.benign),
        positives: s.attacks,
        negatives: s.benign,
      };
  }
  return out;
}

/** Detectors backed by a @flakestorm/patterns scanner. */
export function patternDetectors(scanner) {
  return {
    injection: (t) => scanner.scan(t, { kinds: ['injection'] }).injection.flagged,
    pii: (t) => scanner.scan(t, { kinds: ['pii'] }).findings,
    secret: (t) => scanner.scan(t, { kinds: ['secret'] }).findings.length > 0,
  };
}

const fmt = (v) => (v === null || v === undefined ? '   n/a' : `${(v * 100).toFixed(1).padStart(5)}%`);

/** Prints an evaluation as a table. */
export function printEvaluation(result, label = '@flakestorm/patterns') {
  console.log(`\n== ${label}`);
  if (Object.keys(result.injection).length) {
    console.log('injection            recall    FP rate   (attacks / benign)');
    for (const [src, r] of Object.entries(result.injection)) {
      if (typeof r !== 'object') continue;
      console.log(
        `  ${src.padEnd(24)} ${fmt(r.attacks ? r.recall : null)}   ${fmt(r.benign ? r.fpRate : null)}   (${r.attacks} / ${r.benign})`,
      );
    }
    console.log(`  TARGET deepset+gandalf+giskard recall ${fmt(result.injection.targetRecall)} (>= 90%)`);
    console.log(`  TARGET notinject+awesome+self-instruct FP ${fmt(result.injection.targetFpRate)} (<= 2%)`);
  }
  for (const kind of ['pii', 'secrets']) {
    if (!Object.keys(result[kind]).length) continue;
    console.log(`${kind}`);
    for (const [src, r] of Object.entries(result[kind]))
      console.log(`  ${src.padEnd(24)} recall ${fmt(r.recall)}   FP rate ${fmt(r.fpRate)}`);
  }
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  if (!existsSync(defaultEvalDir)) {
    console.error(`No evaluation data at ${defaultEvalDir}; nothing to measure.`);
    process.exit(0);
  }
  const { createScanner } = await import('../packages/patterns/dist/index.js');
  const result = evaluate(patternDetectors(createScanner()));
  if (process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else printEvaluation(result);
}
