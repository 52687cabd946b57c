import { didYouMean } from '../config/did-you-mean.js';
import { FlakestormError } from '../errors.js';
import type { JsonObject } from '../json.js';
import apiOutage from './profiles/api_outage.json' with { type: 'json' };
import cascadingFailure from './profiles/cascading_failure.json' with { type: 'json' };
import degradedLlm from './profiles/degraded_llm.json' with { type: 'json' };
import flakyNetwork from './profiles/flaky_network.json' with { type: 'json' };
import highLatency from './profiles/high_latency.json' with { type: 'json' };
import hostileTools from './profiles/hostile_tools.json' with { type: 'json' };
import indirectInjection from './profiles/indirect_injection.json' with { type: 'json' };
import lyingTools from './profiles/lying_tools.json' with { type: 'json' };
import modelVersionDrift from './profiles/model_version_drift.json' with { type: 'json' };
import providerThrottling from './profiles/provider_throttling.json' with { type: 'json' };
import streamingChaos from './profiles/streaming_chaos.json' with { type: 'json' };

/** A named chaos scenario shipped as a data file: Python Flakestorm's seven, plus Flakestorm's own. */
export interface ChaosProfile {
  name: string;
  description: string;
  chaos: JsonObject;
}

const all = [
  apiOutage,
  cascadingFailure,
  degradedLlm,
  flakyNetwork,
  highLatency,
  hostileTools,
  indirectInjection,
  lyingTools,
  modelVersionDrift,
  providerThrottling,
  streamingChaos,
] as unknown as ChaosProfile[];

/** Every built-in chaos profile by name. */
export const chaosProfiles: ReadonlyMap<string, ChaosProfile> = new Map(all.map((p) => [p.name, p]));

/** The built-in profile of that name; an unknown name is a config error with a did-you-mean hint. */
export function chaosProfile(name: string): ChaosProfile {
  const profile = chaosProfiles.get(name);
  if (profile) return profile;
  throw new FlakestormError('FLAKESTORM_CONFIG_INVALID', `Unknown chaos profile "${name}".`, {
    hint:
      didYouMean(name, chaosProfiles.keys()) ?? `Built-in profiles: ${[...chaosProfiles.keys()].join(', ')}.`,
    details: { profile: name },
  });
}

const LISTS = ['tool_faults', 'llm_faults'] as const;

/**
 * A `chaos:` block with a profile merged under it: the profile's faults come first, the block's own
 * faults after them; context attacks of the block replace the profile's of the same type.
 */
export function withProfile(chaos: JsonObject, profileName: string | undefined): JsonObject {
  const name = profileName ?? (typeof chaos.profile === 'string' ? chaos.profile : undefined);
  if (name === undefined) return chaos;
  const base = chaosProfile(name).chaos;
  const merged: JsonObject = { ...base, ...chaos };
  for (const key of LISTS) {
    const list = [
      ...((base[key] as JsonObject[] | undefined) ?? []),
      ...((chaos[key] as JsonObject[] | undefined) ?? []),
    ];
    if (list.length > 0) merged[key] = list;
  }
  if (base.context_attacks !== undefined && chaos.context_attacks !== undefined) {
    const toMap = (attacks: unknown): JsonObject =>
      Array.isArray(attacks)
        ? Object.fromEntries((attacks as JsonObject[]).map(({ type, ...rest }) => [String(type), rest]))
        : (attacks as JsonObject);
    merged.context_attacks = { ...toMap(base.context_attacks), ...toMap(chaos.context_attacks) };
  }
  delete merged.profile;
  return merged;
}
