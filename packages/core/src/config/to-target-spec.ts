import type { TargetSpec } from '../target/spec.js';
import type { AgentConfig } from './agent-schema.js';
import { envReferenceName } from './interpolate.js';
import type { PlanContext } from './plan-context.js';

/** Default cap on a response body: big enough for any answer, small enough to survive a flood. */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Turns the validated `agent` section into a TargetSpec, recording located problems. */
export function toTargetSpec(agent: AgentConfig, context: PlanContext): TargetSpec {
  switch (agent.type) {
    case undefined:
    case 'http':
      return {
        kind: 'http',
        url: agent.endpoint,
        method: (agent.method ?? 'POST').toUpperCase(),
        headers: textRecord(agent.headers),
        query: textRecord(agent.query_params),
        ...(agent.request_template === undefined ? {} : { bodyTemplate: agent.request_template }),
        ...(agent.response_path === undefined ? {} : { responsePath: agent.response_path }),
        stream: agent.stream ?? 'auto',
        ...(agent.ok_statuses === undefined ? {} : { okStatuses: agent.ok_statuses }),
        maxResponseBytes: agent.max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES,
        parseStructuredInput: agent.parse_structured_input ?? false,
        session: agent.session
          ? {
              mode: agent.session.mode,
              ...(agent.session.field === undefined ? {} : { field: agent.session.field }),
              ...(agent.session.header === undefined ? {} : { header: agent.session.header }),
            }
          : { mode: 'history' },
        ...(agent.reset_endpoint === undefined ? {} : { resetUrl: agent.reset_endpoint }),
      };
    case 'openai': {
      const given = agent.base_url ?? agent.endpoint;
      if (agent.base_url !== undefined && agent.endpoint !== undefined) {
        context.problem(
          ['agent', 'endpoint'],
          'give either `endpoint` or `base_url`, not both',
          'remove one',
        );
      }
      const apiKeyEnv =
        agent.api_key_env ?? (agent.api_key === undefined ? undefined : envReferenceName(agent.api_key));
      return {
        kind: 'openai',
        // Accept the full chat completions URL too: it is what users copy from provider docs.
        baseUrl: (given ?? OPENAI_BASE_URL).replace(/\/chat\/completions\/?$/, '').replace(/\/+$/, ''),
        model: agent.model,
        ...(apiKeyEnv === undefined ? {} : { apiKeyEnv }),
        ...(agent.system_prompt === undefined ? {} : { systemPrompt: agent.system_prompt }),
        ...(agent.temperature === undefined ? {} : { temperature: agent.temperature }),
        ...(agent.max_tokens === undefined ? {} : { maxTokens: agent.max_tokens }),
        stream: agent.stream ?? false,
        headers: textRecord(agent.headers),
        maxResponseBytes: agent.max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      };
    }
    case 'module': {
      const [fromEndpoint, endpointExport] = splitModuleEndpoint(agent.endpoint);
      const path = agent.path ?? fromEndpoint;
      if (path === undefined) {
        context.problem(
          ['agent'],
          'a module agent needs `path` (or `endpoint: "file.js:exportName"`)',
          'add `path: ./agent.js`',
        );
      }
      if (agent.path !== undefined && agent.endpoint !== undefined) {
        context.problem(['agent', 'endpoint'], 'give either `path` or `endpoint`, not both', 'remove one');
      }
      return {
        kind: 'module',
        path: path ?? '',
        exportName: agent.export ?? endpointExport ?? 'default',
        ...(agent.reset_export === undefined ? {} : { resetExport: agent.reset_export }),
      };
    }
    case 'command':
      return {
        kind: 'command',
        command: agent.command,
        args: agent.args ?? [],
        ...(agent.cwd === undefined ? {} : { cwd: agent.cwd }),
        env: textRecord(agent.env),
      };
  }
}

function splitModuleEndpoint(endpoint: string | undefined): [string | undefined, string | undefined] {
  if (endpoint === undefined) return [undefined, undefined];
  const colon = endpoint.lastIndexOf(':');
  return colon <= 0 ? [endpoint, undefined] : [endpoint.slice(0, colon), endpoint.slice(colon + 1)];
}

function textRecord(map: Record<string, string | number | boolean> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(map ?? {})) out[key] = String(value);
  return out;
}
