import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../engine/codec.js';
import { shannonEntropy } from './entropy.js';
import { keccak256 } from './keccak.js';
import { getValidator } from './registry.js';
import { sha256 } from './sha256.js';

const hex = (b: Uint8Array): string => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');

describe('hash functions', () => {
  it('SHA-256 matches FIPS 180-4 vectors', () => {
    expect(hex(sha256(utf8Encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(hex(sha256(new Uint8Array()))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(hex(sha256(utf8Encode('a'.repeat(1000))))).toBe(
      '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3',
    );
  });

  it('Keccak-256 matches Ethereum vectors', () => {
    expect(hex(keccak256(new Uint8Array()))).toBe(
      'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470',
    );
    expect(hex(keccak256(utf8Encode('abc')))).toBe(
      '4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45',
    );
    expect(hex(keccak256(utf8Encode('The quick brown fox jumps over the lazy dog')))).toBe(
      '4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15',
    );
    // Two blocks (the rate is 136 bytes): the second absorb and permutation.
    expect(hex(keccak256(utf8Encode('a'.repeat(200))))).toBe(
      '96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d',
    );
  });
});

// [validator, valid values, invalid values]
const VECTORS: ReadonlyArray<[string, string[], string[]]> = [
  [
    'credit_card',
    ['4111 1111 1111 1111', '371449635398431', '5555555555554444'],
    ['4111111111111112', '0000000000000000'],
  ],
  [
    'iban',
    ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'NO9386011117947'],
    ['DE89370400440532013001', 'XX89370400440532013000', 'GB82WEST1234569876543'],
  ],
  ['us_aba_routing', ['121000358', '0711-0130-7'], ['421042111', '1234-0000-0']],
  ['us_dea', ['AB1234563', 'FN5623740'], ['AB1234567', 'ZZ1234563']],
  ['uk_nhs', ['401-023-2137', '0032698674'], ['401-023-2138', '0000000000']],
  ['in_aadhaar', ['312345678909', '3998 7654 3211'], ['123456789012', '3998-7654 3211']],
  ['es_nif', ['12345678Z', '00000023T'], ['12345678A']],
  ['es_nie', ['X9613851N', 'Y8063915-Z'], ['Y8063915Q']],
  ['it_fiscal_code', ['RSSMRA85T10A562S', 'AAAAAA00B11C333Y'], ['RSSMRA85T10A562T', 'A55AAA00B11C333N']],
  ['nl_bsn', ['111222333', '123456782'], ['111222334', '000000000']],
  ['pl_pesel', ['44051401458', '02070803628'], ['44051401459', '85040812345']],
  ['se_personnummer', ['198712202384', '871220-2384', '19910924-2397'], ['19000309-3393', '200504422381']],
  ['no_fodselsnummer', ['01129955151', '15076500565'], ['01129955152']],
  ['fi_hetu', ['131052-308T', '010101-123N'], ['131052-308U']],
  ['tr_tc_kimlik', ['10000000146', '76543210794'], ['10000000145', '02531814694']],
  ['za_id', ['8001015009087', '9202201234088'], ['8001015009086', '9913326789285']],
  ['mx_curp', ['GODE561231HDFRRN00', 'BADD110313HCMLNS06'], ['GODE561231HDFRRN01']],
  ['au_tfn', ['876543210'], ['824753557']],
  ['au_abn', ['51 824 753 556'], ['52 824 753 556']],
  ['au_medicare', ['2123 45670 1'], ['2123 25870 1']],
  ['us_npi', ['1234567893', '1245319599'], ['1234567890', '0234567893', '1111111112']],
  ['ca_sin', ['130 692 544', '347-677-452'], ['130 692 545', '046 454 286', '046-454 286']],
  ['br_cpf', ['529.982.247-25'], ['529.982.247-26', '111.111.111-11']],
  ['cn_resident_id', ['11010519491231002X'], ['11010519491231002Y']],
  ['sg_nric', ['S1234567D'], ['S1234567A']],
  ['jp_my_number', ['123456789018', '1234 5678 9018'], ['123456789017', '111111111111']],
  [
    'th_national_id',
    ['1101700203514', '1-1017-00203-51-4'],
    ['1101700203510', '0101700203514', '9101700203514'],
  ],
  ['cl_rut', ['12.345.678-5', '12345678-5', '7.654.321-6'], ['12.345.678-4', '11.111.111-1', '123-5']],
  ['ar_cuit', ['20-12345678-6', '20123456786'], ['20-12345678-5', '21-12345678-6', '2012345678']],
  ['fr_nir', ['255081416802538'], ['255081416802539']],
  ['de_tax_id', ['12345678903', '98765432106'], ['12345678901', '11111111111']],
  ['imei', ['490154203237518'], ['490154203237519']],
  ['de_svnr', ['15 070649 C 103', '65170839J003'], ['15 070649 C 104', '15 320649 C 103', '15070649 1 103']],
  ['eu_vat', ['DE136695976', 'IT00743110157', 'BE0403170701'], ['DE136695977', 'XX123456789']],
  [
    'bitcoin_address',
    [
      '16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ',
      '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy',
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
      'bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297',
    ],
    [
      '16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyZ2',
      '16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1BoyY', // one digit changed: the checksum fails
      '16Yeky6GMjeNkAiNcBY7ZhrLoMSgg1Bo0Z', // '0' is not a Base58 digit
      'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr',
    ],
  ],
  [
    'ethereum_address',
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'],
    ['0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'],
  ],
  [
    'passport_mrz',
    ['L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
    ['L898902C36UTO7408122F1204159ZE184226B<<<<<11'],
  ],
  ['jwt', ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.x'], ['eyJub3RhIjoiand0In0.eyJ4IjoxfQ.x']],
];

// Plausible-but-unchecksummed values return undefined; impossible ones false.
const RULES: ReadonlyArray<[string, string[], string[]]> = [
  [
    'id_nik',
    ['3171234501990001', '3171237101990001'],
    ['0171234501990001', '3171239901990001', '3171234513990001', '3171234501990000', '317123450199'],
  ],
  [
    'us_ssn',
    ['078-05-1123', '536 22 1234'],
    ['078-05-1120', '000-12-3456', '666-12-3456', '912-34-5678', '123-00-4567', '123-45-0000', '693-09.4444'],
  ],
  ['us_itin', ['911-70-1234', '911-53-1234'], ['911-89-1234', '811-70-1234']],
  ['kr_rrn', ['960121-1234567'], ['960303-0021413', '001332-1234567', '1111111111111']],
  ['ipv4', ['192.168.1.254', '8.8.8.8'], ['256.1.1.1', '01.2.3.4', '1.2.3']],
  [
    'ipv6',
    ['2001:db8:85a3::8a2e:370:7334', '::1', 'fe80::1%eth0', '::ffff:192.0.2.128'],
    ['2001:db8::85a3::1', '12:30:45', '1:2:3:4:5:6:7:8:9'],
  ],
  ['uk_nino', ['AA 12 34 56 B'], ['AA 12 34 56 H', 'BG123612A']],
  [
    'cz_birth_number',
    ['736028/5163', '7360285163', '040630/0004'],
    ['736028/5164', '731328/5163', '540101/123'],
  ],
  ['uk_postcode', ['SW1A 1AA', 'GIR 0AA', 'm1 1aa', 'EC1A1BB'], ['ZZ1 1AA', 'V8 4GB', 'Q1 2ZZ']],
  [
    'gps_coordinates',
    ['37.774929, -122.419416', '35.6762° N, 139.6503° E', `48°51'29.6"N 2°17'40.2"E`],
    ['91.5, 10.1', '45.1° N, 181.2° E', `48°61'29.6"N 2°17'40.2"E`, `48°51'60.0"N 2°17'40.2"E`, '45.1° N'],
  ],
];

describe('validators', () => {
  it.each(VECTORS)('%s accepts valid and rejects invalid values', (name, valid, invalid) => {
    const v = getValidator(name)!;
    for (const x of valid) expect(v(x), `${name} ${x}`).toBe(true);
    for (const x of invalid) expect(v(x), `${name} ${x}`).toBe(false);
  });

  it.each(RULES)('%s: plausible values pass (no checksum), impossible ones fail', (name, ok, bad) => {
    const v = getValidator(name)!;
    for (const x of ok) expect(v(x), `${name} ${x}`).not.toBe(false);
    for (const x of bad) expect(v(x), `${name} ${x}`).toBe(false);
  });

  it('takes a UK postcode written as printed as one on its face, other forms only as plausible', () => {
    const postcode = getValidator('uk_postcode')!;
    expect(['SW1A 1AA', 'M1 1AA', 'GIR 0AA'].map(postcode)).toEqual([true, true, true]);
    expect(['sw1a 1aa', 'SW1A1AA', 'gir 0aa'].map(postcode)).toEqual([undefined, undefined, undefined]);
  });

  it('measures Shannon entropy and rejects placeholders as secrets', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    const secret = getValidator('high_entropy')!;
    expect(secret('a8f5f167f44f4964e6c998dee827110c')).toBeUndefined();
    expect(secret('your_api_key_here_example')).toBe(false);
    expect(secret('aaaaaaaaaaaaaaaaaaaa')).toBe(false);
  });

  it('rejects card-shaped ids outside issuer ranges, NANP numbers with a 0/1 exchange, broadcast MACs', () => {
    const card = getValidator('credit_card')!;
    expect(card('4222222222222')).toBe(true); // 13-digit Visa
    expect(card('378282246310005')).toBe(true); // Amex
    expect(card('1684567890124')).toBe(false); // 13 digits, not Visa (a Thai ID shape)
    expect(card('0000000000000018')).toBe(false);
    const phone = getValidator('phone_number')!;
    expect(phone('212-555-1234')).toBe(true);
    expect(phone('(212) 555-1234')).toBe(true);
    expect(phone('401-023-2138')).toBe(false);
    expect(phone('+1 917-123-4567')).toBe(false);
    expect(phone('1.20')).toBe(false); // too few digits: part of "192.168.1.20", a price, a version
    expect(phone('55-01 3')).toBe(false);
    expect(phone('192.168.1.20')).toBe(false); // an IPv4 address
    expect(phone('+30 21 0 1234567')).toBe(true);
    expect(phone('555-0132')).toBeUndefined(); // a local number: context words decide
    const mac = getValidator('mac_address')!;
    expect(mac('00:1A:2B:3C:4D:5E')).toBeUndefined();
    expect(mac('0023.ab4c.12ff')).toBeUndefined();
    expect(mac('FF:FF:FF:FF:FF:FF')).toBe(false);
    expect(mac('00-00-00-00-00-00')).toBe(false);
    expect(mac('10:2F:33-AC-29-C3')).toBe(false);
  });

  it('validates phone numbers written as E.164 stores them, and only those that fit a number plan', () => {
    const phone = getValidator('phone_number')!;
    expect(phone('+447911123456')).toBe(true);
    expect(phone('+4915112345678')).toBe(true);
    expect(phone('+91 4155550132')).toBe(true);
    expect(phone('+14155550132')).toBe(true);
    expect(phone('+1 (212) 555-1234 x123')).toBe(true); // the extension is not part of the plan's ten digits
    expect(phone('+4479112')).toBe(false); // seven digits: shorter than any plan with its country code
    expect(phone('+4479111234567890')).toBe(false); // sixteen: longer than E.164 allows
    expect(phone('+45000000')).toBe(false); // a round quantity with a sign
    expect(phone('+12000000')).toBe(false);
    expect(phone('+11234567890')).toBe(false); // NANP area codes start with 2-9
    expect(phone('+14151234567')).toBe(false); // ...and so do exchange codes
    expect(phone('+1415555013')).toBe(false); // NANP: ten digits after the 1
    expect(phone('+1 917 123 4567')).toBe(false);
  });

  it('takes an unquoted password only when it looks like one, not like a word, a name or code', () => {
    const bare = getValidator('password_bare')!;
    for (const value of [
      'Tr0ub4dor&3',
      'Zq8vLw2pXr',
      'Summer2024!',
      'hunter22',
      '8f14e45fceea167a5a36dedd4bea2543',
    ])
      expect(bare(value), value).toBeUndefined();
    for (const value of [
      'required', // a word
      'correct-horse-battery', // letters only: unquoted, as often a word list as a passphrase
      '12345678', // a number: a port, an id
      'input_password2', // a snake_case name
      'pwd2hash', // an identifier with one digit, one case
      'self.password', // code
      'matchResult?.pass',
      '!this.result.issues',
      '$DB_PASSWORD',
      '/run/secrets/db',
      'vault://db/creds',
      'password123',
      'Test1234!', // a stop word
    ])
      expect(bare(value), value).toBe(false);
  });
});
