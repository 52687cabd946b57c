import { describe, expect, it } from 'vitest';
import { builtinDatabase } from './builtin.js';
import { flagsOf, vetRegex } from './database.js';
import { compileDatabase } from './engine/compile.js';
import { expandMacros } from './engine/macros.js';
import { createScanner, databaseStats } from './scanner.js';
import { injectionCategories, piiCategories } from './types.js';
import { verifyExamples } from './verify.js';

const db = builtinDatabase();
const stats = databaseStats(db);

const GROUP_A =
  `credit_card iban us_ssn email phone ipv4 ipv6 mac_address street_address us_drivers_license us_passport
crypto_btc crypto_eth us_aba_routing us_bank_account uk_nhs uk_nino us_npi us_dea us_mbi ca_sin es_nif es_nie
it_fiscal_code nl_bsn pl_pesel se_personnummer no_fodselsnummer fi_hetu tr_tc_kimlik za_id kr_rrn mx_curp my_nric
in_aadhaar in_pan au_tfn au_abn au_medicare eu_vat us_itin us_ein date_of_birth gps_coordinates medical_record_number
passport_mrz biometric_template`.split(/\s+/);

describe('built-in database', () => {
  it('passes the regex vetting in full (compiles trust built-in regexes without parsing them again)', () => {
    for (const p of db.patterns)
      expect(() => vetRegex(p, expandMacros(p.regex), flagsOf(p)), p.id).not.toThrow();
  });

  it('runs only the listed injection rules without leading strings (an edit can drop a rule off them)', () => {
    // A rule whose matches start at one of at most 64 strings runs sticky at their occurrences; past 64,
    // or with too common a string among them, it runs on windows around its anchors, which costs more
    // where those are frequent ("instructions" in an injection flood). These rules run on windows by
    // design; a rule that joins them after a data edit should be rewritten, or added here knowingly.
    const windowed = compileDatabase(db)
      .injection.rules.filter((r) => r.leading.length === 0)
      .map((r) => r.def.id)
      .sort();
    expect(windowed).toEqual(
      [
        'fake_context_block',
        'ignore_that_message',
        'instructions_above',
        'instructions_invalidated',
        'leak_cjk',
        'obfuscation_words',
        'reply_obfuscation',
        'single_letter_spacing',
        'spaced_letters',
        'two_responses',
      ].sort(),
    );
  });

  it('gives the `u` flag only to the listed injection rules (\\p{...} in a regex costs every attempt)', () => {
    // V8 runs a regex with the `u` flag several times slower at each sticky attempt: one `\p{L}` added to
    // polite_setup_request, which runs at every "instructions", took a megabyte of "what are your
    // instructions" from 46 to 105 ms. Inside one script's words a class of its letters ([а-яё]) does
    // the same work without the flag; these rules need \p{L} as a word edge across many scripts.
    const unicode = db.patterns
      .filter((p) => p.kind === 'injection' && flagsOf(p).includes('u'))
      .map((p) => p.id)
      .sort();
    expect(unicode).toEqual(['ai_assistant_any_language', 'ignore_greek_arabic_hebrew', 'ignore_russian']);
  });

  it('has the promised size per kind', () => {
    expect(stats.byKind.injection).toBeGreaterThanOrEqual(110);
    expect(stats.byKind.pii).toBeGreaterThanOrEqual(52);
    expect(stats.byKind.secret).toBeGreaterThanOrEqual(25);
  });

  it('has at least 8 injection patterns in every category', () => {
    for (const cat of injectionCategories)
      expect(stats.byKindAndCategory.injection[cat] ?? 0).toBeGreaterThanOrEqual(8);
  });

  it('covers all 8 PII categories and every group-A PII id', () => {
    for (const cat of piiCategories) expect(stats.byKindAndCategory.pii[cat] ?? 0, cat).toBeGreaterThan(0);
    const ids = new Set(db.patterns.map((p) => p.id));
    expect(GROUP_A.filter((id) => !ids.has(id))).toEqual([]);
  });

  it("keeps every pattern's own positive and negative examples", () => {
    expect(verifyExamples(db)).toEqual([]);
  });

  it('has at least 8 attack payloads per injection category, each flagged by the scanner', () => {
    const scanner = createScanner(db);
    for (const cat of injectionCategories) {
      const attacks = db.attacks?.[cat] ?? [];
      expect(attacks.length, cat).toBeGreaterThanOrEqual(8);
      const missed = attacks.filter((a) => !scanner.scan(a).injection.flagged);
      expect(missed, cat).toEqual([]);
    }
  });
});
