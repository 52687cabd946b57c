import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { ConfigIssues } from '../config/config-issues.js';
import { translateZodIssues } from '../config/schema-issues.js';
import { parseYamlSource } from '../config/yaml-source.js';
import { FlakestormError } from '../errors.js';
import type { JsonValue } from '../json.js';
import type { ChatMessage } from '../message.js';
import type { RecordedExchange, ReplaySession } from './session.js';
import { type SessionFile, sessionFileSchema } from './session-schema.js';

/** A Python `tool_responses` entry: what a tool answered, served on any call to that tool's route. */
interface ToolResponse {
  tool: string;
  response?: JsonValue | undefined;
  status?: number | undefined;
  latency_ms?: number | undefined;
}

/** The route prefix a tool's calls go through: a configured route serving it, else "/tools/<tool>". */
export function toolRoutePrefix(tool: string, routePrefixes: readonly string[] = []): string {
  const served = routePrefixes.find((p) => p === `/tools/${tool}` || p.endsWith(`/${tool}`));
  return served ?? `/tools/${tool}`;
}

function fromToolResponse(entry: ToolResponse, routePrefixes: readonly string[]): RecordedExchange {
  const text = typeof entry.response === 'string' ? entry.response : JSON.stringify(entry.response ?? null);
  return {
    route: toolRoutePrefix(entry.tool, routePrefixes),
    method: '*',
    path: '*',
    status: entry.status ?? 200,
    headers: {
      'content-type': typeof entry.response === 'string' ? 'text/plain; charset=utf-8' : 'application/json',
    },
    body: text,
    ...(entry.latency_ms === undefined ? {} : { latencyMs: entry.latency_ms }),
  };
}

/** Turns a validated session file (or a config's inline session) into a ReplaySession. */
export function toReplaySession(
  data: Omit<SessionFile, 'id'> & { id?: string | undefined },
  fallbackId: string,
  routePrefixes: readonly string[] = [],
): ReplaySession {
  const messages = data.messages as ChatMessage[] | undefined;
  const lastUser = messages?.filter((m) => m.role === 'user').pop()?.content;
  const exchanges: RecordedExchange[] = (data.exchanges ?? []).map((e) => ({
    route: e.route,
    method: e.method.toUpperCase(),
    path: e.path,
    status: e.status,
    headers: e.headers,
    body: e.body,
    ...(e.encoding === undefined ? {} : { encoding: e.encoding }),
    ...(e.latency_ms === undefined ? {} : { latencyMs: e.latency_ms }),
    ...(e.stream_ms === undefined ? {} : { streamMs: e.stream_ms }),
  }));
  // Python's tool_responses (which its own replay ignores) are served for real, after recorded ones.
  for (const entry of data.tool_responses ?? []) exchanges.push(fromToolResponse(entry, routePrefixes));
  return {
    id: data.id ?? fallbackId,
    ...(data.name === undefined ? {} : { name: data.name }),
    ...(data.source === undefined ? {} : { source: data.source }),
    ...(data.captured_at === undefined ? {} : { capturedAt: data.captured_at }),
    input: data.input ?? lastUser ?? '',
    ...(messages === undefined ? {} : { messages }),
    ...(data.context === undefined ? {} : { context: data.context as JsonValue }),
    ...(data.response === undefined ? {} : { response: data.response }),
    exchanges,
    ...(data.expected_failure === undefined ? {} : { expectedFailure: data.expected_failure }),
    ...(data.contract === undefined ? {} : { contract: data.contract }),
  };
}

/** Validates session text (YAML or JSON); every problem is a config error with file:line:col. */
export function parseSessionText(
  text: string,
  file: string,
  routePrefixes: readonly string[] = [],
): ReplaySession {
  const source = parseYamlSource(text.replace(/^\uFEFF/, ''), file);
  const parsed = sessionFileSchema.safeParse(source.data);
  if (!parsed.success) {
    const issues = new ConfigIssues(file);
    const translated = translateZodIssues(parsed.error.issues, sessionFileSchema, source.data, source.locate);
    for (const issue of [...translated.errors, ...translated.unknownKeys.map((u) => u.issue)])
      issues.add(issue);
    if (issues.list.length === 0)
      issues.add({
        message: parsed.error.message,
        location: source.locate([]) ?? { file, line: 1, column: 1 },
      });
    issues.throwIfAny('is not a valid replay session');
  }
  const session = toReplaySession(parsed.data as SessionFile, file, routePrefixes);
  return { ...session, file };
}

/** Reads a session file; a missing file is FLAKESTORM_CONFIG_NOT_FOUND, a bad one FLAKESTORM_CONFIG_INVALID. */
export async function loadSessionFile(
  path: string,
  routePrefixes: readonly string[] = [],
): Promise<ReplaySession> {
  let text: string;
  try {
    text = await readFile(resolve(path), 'utf8');
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_CONFIG_NOT_FOUND', `No replay session file at ${path}.`, {
      cause,
      hint: 'Record one with `flakestorm replay record`, or export failures with `flakestorm replay export --from-report`.',
      details: { file: path },
    });
  }
  return parseSessionText(text, path, routePrefixes);
}

/** The session as a file: YAML a person can read and edit (bodies kept verbatim). */
export function sessionToFile(session: ReplaySession): SessionFile {
  return {
    version: 1,
    id: session.id,
    ...(session.name === undefined ? {} : { name: session.name }),
    ...(session.source === undefined ? {} : { source: session.source }),
    ...(session.capturedAt === undefined ? {} : { captured_at: session.capturedAt }),
    input: session.input,
    ...(session.messages === undefined ? {} : { messages: session.messages }),
    ...(session.context === undefined ? {} : { context: session.context }),
    ...(session.response === undefined ? {} : { response: session.response }),
    exchanges: session.exchanges.map((e) => ({
      route: e.route,
      method: e.method,
      path: e.path,
      status: e.status,
      headers: e.headers,
      body: e.body,
      ...(e.encoding === undefined ? {} : { encoding: e.encoding }),
      ...(e.latencyMs === undefined ? {} : { latency_ms: e.latencyMs }),
      ...(e.streamMs === undefined ? {} : { stream_ms: e.streamMs }),
    })),
    ...(session.expectedFailure === undefined ? {} : { expected_failure: session.expectedFailure }),
    ...(session.contract === undefined ? {} : { contract: session.contract }),
  };
}

/** Writes a session file as YAML. */
export async function writeSessionFile(path: string, session: ReplaySession): Promise<void> {
  const text = stringify(sessionToFile(session), { lineWidth: 0, blockQuote: 'literal' });
  await writeFile(
    resolve(path),
    `# flakestorm replay session (replay with \`flakestorm replay run ${path}\`)\n${text}`,
  );
}
