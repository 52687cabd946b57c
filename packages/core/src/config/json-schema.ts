import * as z from 'zod';
import type { JsonObject, JsonValue } from '../json.js';
import { configSchema } from './config-schema.js';

/** A string that is exactly one `${VAR}` / `${VAR:-default}` reference. */
const ENV_REFERENCE: JsonObject = {
  type: 'string',
  pattern: '^\\$\\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\\}$',
  description: 'Read from the environment when the config is loaded.',
};

/**
 * JSON Schema (draft 2020-12) of flakestorm.yaml, made from the same zod schema that validates it, for
 * editors (`# yaml-language-server: $schema=...`). Describes the file as written (input side), so
 * `${VAR}` is allowed where the loader accepts it: in URLs, numbers and booleans.
 */
export function configJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonObject;
  return {
    ...(allowEnvReferences(schema) as JsonObject),
    $id: 'https://flakestorm.dev/schema/flakestorm.schema.json',
    title: 'flakestorm.yaml',
    description:
      'Flakestorm configuration: the agent to test, golden prompts, mutations, invariants and run settings.',
  };
}

const CHILD_MAPS = ['properties', '$defs'] as const;
const CHILD_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
const CHILD_NODES = ['items', 'additionalProperties'] as const;

function allowEnvReferences(node: JsonValue): JsonValue {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return node;
  const out: JsonObject = { ...node };
  for (const key of CHILD_MAPS) {
    const map = out[key];
    if (map && typeof map === 'object' && !Array.isArray(map)) {
      out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, allowEnvReferences(v)]));
    }
  }
  for (const key of CHILD_LISTS) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(allowEnvReferences);
  }
  for (const key of CHILD_NODES) {
    if (out[key] !== undefined) out[key] = allowEnvReferences(out[key] as JsonValue);
  }
  const scalar = out.type === 'number' || out.type === 'integer' || out.type === 'boolean';
  const uri = out.type === 'string' && out.format === 'uri';
  if (!scalar && !uri) return out;
  const { description, default: fallback, ...rest } = out;
  const reference: JsonObject = uri ? { type: 'string', pattern: '\\$\\{' } : ENV_REFERENCE;
  return {
    ...(description === undefined ? {} : { description }),
    ...(fallback === undefined ? {} : { default: fallback }),
    anyOf: [rest, reference],
  };
}
