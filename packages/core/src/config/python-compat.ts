import type { ErrorIssue } from '../errors.js';
import { configError } from './config-issues.js';
import type { Locator } from './yaml-source.js';

/** True for Python Flakestorm files (`version: "1.0"` / `"2.0"`), whose unknown keys only warn. */
export function isLegacyVersion(version: unknown): boolean {
  return (
    version === '1.0' ||
    version === '2.0' ||
    version === '1' ||
    version === '2' ||
    version === 1 ||
    version === 2
  );
}

const PYTHON_WRAPPER = [
  '# agent_wrapper.py: a JSON-lines bridge for `type: command`',
  'import json, sys',
  'from my_agent import flakestorm_agent  # your agent function',
  'for line in sys.stdin:',
  '    req = json.loads(line); print(json.dumps({"output": flakestorm_agent(req["prompt"])}), flush=True)',
].join('\n');

/**
 * Python Flakestorm's in-process `python` and `langchain` agents cannot run inside Node: explain the two
 * ways to run the same agent here (an HTTP endpoint, or `type: command` with a JSON-lines wrapper).
 */
export function assertSupportedAgentType(raw: unknown, file: string, locate: Locator | undefined): void {
  const agent = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).agent : undefined;
  const type =
    agent !== null && typeof agent === 'object' ? (agent as Record<string, unknown>).type : undefined;
  if (type !== 'python' && type !== 'langchain') return;
  const location = locate?.(['agent', 'type'], 'value');
  const issue: ErrorIssue = {
    message: `agent type "${type}" runs Python code in-process, which Flakestorm for Node cannot do`,
    path: 'agent.type',
    ...(location === undefined ? {} : { location }),
    hint: `wrap the agent in a small HTTP endpoint (type: http), or run it as a subprocess with type: command, command: python, args: [agent_wrapper.py] and this wrapper:\n${PYTHON_WRAPPER}`,
  };
  throw configError(file, [issue], 'uses an unsupported agent type', 'FLAKESTORM_CONFIG_UNSUPPORTED');
}

/** Where interpolation must not touch text: prompts and attack payloads reach the agent as written. */
export function isVerbatimPath(path: ReadonlyArray<string | number>): boolean {
  const [head, second, , fourth] = path;
  if (head === 'golden_prompts' || head === 'replays') return true;
  if (head === 'agent' || head === 'model') return second === 'api_key';
  if (head === 'mutations')
    return second === 'custom_templates' || (second === 'types' && fourth === 'options');
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (last === 'probes' || parent === 'probes') return true;
  if (head === 'chaos' || head === 'contract') {
    return last === 'payload' || last === 'payloads' || parent === 'payloads' || last === 'message';
  }
  return false;
}

/**
 * Python Flakestorm expands `$VAR` as well as `${VAR}` in `agent.endpoint`; in its files, that one field
 * is read the same way here (elsewhere `$` stays literal, since prompts and payloads often contain it).
 */
export function withLegacyEndpointVariables(raw: Record<string, unknown>): Record<string, unknown> {
  const agent = raw.agent;
  if (agent === null || typeof agent !== 'object' || Array.isArray(agent)) return raw;
  const endpoint = (agent as Record<string, unknown>).endpoint;
  if (typeof endpoint !== 'string' || !/\$[A-Za-z_]/.test(endpoint)) return raw;
  const rewritten = endpoint.replace(
    /(^|[^$])\$([A-Za-z_]\w*)/g,
    (_match, before: string, name: string) => `${before}\${${name}}`,
  );
  return { ...raw, agent: { ...agent, endpoint: rewritten } };
}
