import { resolve } from 'node:path';
import type { JsonObject } from '../json.js';
import type { RunPlan } from '../run/plan.js';
import type { ReplaySession } from './session.js';
import { loadSessionFile, toReplaySession } from './session-file.js';
import type { SessionFile } from './session-schema.js';

/** The chaos route prefixes of a plan ("/llm", "/tools/orders"), normalised like the proxy does. */
export function routePrefixesOf(plan: RunPlan): string[] {
  const routes = (plan.chaos?.routes ?? {}) as JsonObject;
  return Object.keys(routes).map((key) => `/${key.replace(/\/\*$/, '').replace(/^\/+|\/+$/g, '')}`);
}

/**
 * The sessions of a plan's `replays.sessions`: inline ones (Python fields, `tool_responses` included)
 * and those with a `file`, read relative to the config; inline fields override the file's.
 */
export async function loadPlanSessions(plan: RunPlan): Promise<ReplaySession[]> {
  const entries = (plan.replays?.sessions ?? []) as unknown as Array<
    Omit<SessionFile, 'id'> & { id?: string; file?: string }
  >;
  const prefixes = routePrefixesOf(plan);
  const sessions: ReplaySession[] = [];
  for (const [index, entry] of entries.entries()) {
    const { file, ...inline } = entry;
    const fallbackId = `session-${index + 1}`;
    if (file === undefined) {
      sessions.push(toReplaySession(inline, fallbackId, prefixes));
      continue;
    }
    const loaded = await loadSessionFile(resolve(plan.baseDir, file), prefixes);
    const overlay = toReplaySession({ input: loaded.input, ...inline }, loaded.id, prefixes);
    sessions.push({
      ...loaded,
      ...(inline.id === undefined ? {} : { id: overlay.id }),
      ...(inline.name === undefined ? {} : { name: inline.name }),
      ...(inline.input === undefined ? {} : { input: overlay.input }),
      ...(inline.contract === undefined ? {} : { contract: inline.contract }),
      ...(inline.expected_failure === undefined ? {} : { expectedFailure: inline.expected_failure }),
      exchanges: [...loaded.exchanges, ...overlay.exchanges],
    });
  }
  return sessions;
}
