import * as z from 'zod';
import type { JsonObject } from '../json.js';
import { configSchema } from './config-schema.js';

/**
 * JSON Schema (draft 2020-12) of flakestorm.yaml, made from the same zod schema that validates it, for
 * editors (`# yaml-language-server: $schema=...`). Describes the file as written (input side).
 */
export function configJsonSchema(): JsonObject {
  const schema = z.toJSONSchema(configSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  });
  return {
    ...(schema as JsonObject),
    $id: 'https://flakestorm.dev/schema/flakestorm.schema.json',
    title: 'flakestorm.yaml',
    description:
      'Flakestorm configuration: the agent to test, golden prompts, mutations, invariants and run settings.',
  };
}
