/** The shipped pattern database, assembled from the JSON data files. */
import attacks from './data/attacks.json' with { type: 'json' };
import injectionD from './data/injection-evasion.json' with { type: 'json' };
import injectionE from './data/injection-indirect.json' with { type: 'json' };
import injectionC from './data/injection-leakage.json' with { type: 'json' };
import injectionA from './data/injection-override.json' with { type: 'json' };
import injectionB from './data/injection-roles.json' with { type: 'json' };
import piiFinancial from './data/pii-financial-contact.json' with { type: 'json' };
import piiOther from './data/pii-health-location.json' with { type: 'json' };
import piiIds from './data/pii-national-ids.json' with { type: 'json' };
import secrets from './data/secrets.json' with { type: 'json' };
import secretPlatforms from './data/secrets-platforms.json' with { type: 'json' };
import secretVendors from './data/secrets-vendors.json' with { type: 'json' };
import type { PatternDatabase, PatternDefinition } from './types.js';

/** Version of the shipped database; bump when patterns change so reports can tell them apart. */
export const BUILTIN_VERSION = '2026.11.29.70';

let cached: PatternDatabase | undefined;

/** The built-in database (110+ injection, 52+ PII, 25+ secret patterns and attack payloads). */
export function builtinDatabase(): PatternDatabase {
  cached ??= {
    version: BUILTIN_VERSION,
    patterns: [
      ...injectionA,
      ...injectionB,
      ...injectionC,
      ...injectionD,
      ...injectionE,
      ...piiIds,
      ...piiFinancial,
      ...piiOther,
      ...secrets,
      ...secretVendors,
      ...secretPlatforms,
    ] as unknown as readonly PatternDefinition[],
    attacks: attacks as Readonly<Record<string, readonly string[]>>,
  };
  return cached;
}
