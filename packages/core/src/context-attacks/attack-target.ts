import { createRandom } from '../random.js';
import type { Target } from '../target/target.js';
import { applyContextAttack, type ContextAttackSpec } from './context-attack.js';

/**
 * Wraps a target so that every call carries the configured context attacks: each attack fires on a
 * case with its trigger probability, drawn from the case id and the seed (so reruns attack the same
 * cases). Multi-turn attacks need a target that sends history; others see only the changed prompt.
 */
export function withContextAttacks(
  target: Target,
  attacks: readonly ContextAttackSpec[],
  seed: number,
): Target {
  if (attacks.length === 0) return target;
  return {
    kind: target.kind,
    description: target.description,
    supportsWire: target.supportsWire,
    preflight: (signal) => target.preflight(signal),
    close: () => target.close(),
    ...(target.reset ? { reset: (signal: AbortSignal) => target.reset?.(signal) ?? Promise.resolve() } : {}),
    send(request) {
      let current = { prompt: request.prompt, messages: request.messages };
      for (const attack of attacks) {
        const random = createRandom(seed).fork(`context-attack:${attack.type}:${request.caseId}`);
        if (!random.chance(attack.triggerProbability ?? 1)) continue;
        current = applyContextAttack(attack, current, random);
      }
      return target.send({ ...request, ...current });
    },
  };
}
