import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JsonObject } from '../../json.js';
import { quoteExcerpt } from '../excerpt.js';
import { defineInvariant } from '../invariant.js';
import { describeJsonError } from '../json-path.js';
import { param } from '../params.js';
import { compileRegex } from '../regex-compile.js';

/** Every regex a schema holds (`pattern` values and `patternProperties` keys), at any depth. */
function schemaRegexes(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) schemaRegexes(item, found);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'pattern' && typeof value === 'string') found.push(value);
      if (key === 'patternProperties' && value !== null && typeof value === 'object')
        found.push(...Object.keys(value));
      schemaRegexes(value, found);
    }
  }
  return found;
}

/** Compiles a JSON Schema (draft 2020-12, with formats) into a validator, or returns the problem. */
function compileSchema(schema: unknown): ValidateFunction | string {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    if (typeof schema !== 'boolean') return '"schema" is required (a JSON Schema object).';
  }
  // Ajv runs schema patterns as plain RegExps over untrusted answers: the same backtracking check as `regex`.
  for (const pattern of schemaRegexes(schema)) {
    const compiled = compileRegex(pattern, 'u');
    if (!compiled.ok) return `"schema" has an unsafe or invalid pattern: ${compiled.problem}.`;
  }
  // A fresh instance per spec: two invariants may reuse one $id without colliding in a shared cache.
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  // ajv-formats is CommonJS; under NodeNext its default import is the module object, whose .default is the plugin.
  addFormats.default(ajv);
  try {
    return ajv.compile(schema as object);
  } catch (error) {
    return `"schema" is not a valid JSON Schema: ${(error as Error).message}`;
  }
}

/** One readable line per violation, paths in JSON Pointer form. */
function describeErrors(errors: readonly ErrorObject[]): string {
  const lines = errors.slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
  return `${lines.join('; ')}${errors.length > 3 ? `; and ${errors.length - 3} more` : ''}`;
}

/** `json_schema {schema}`: the answer is JSON that satisfies a JSON Schema (2020-12, formats on). */
export const jsonSchemaInvariant = defineInvariant({
  type: 'json_schema',
  description: 'The response is JSON valid against a JSON Schema (draft 2020-12, with formats).',
  example: {
    schema: { type: 'object', required: ['status'], properties: { status: { enum: ['booked', 'failed'] } } },
  },
  validate(params: JsonObject) {
    const compiled = compileSchema(param(params, 'schema'));
    return typeof compiled === 'string' ? [compiled] : [];
  },
  create(spec, context) {
    const compiled = compileSchema(param(spec.params, 'schema'));
    if (typeof compiled === 'string') throw new Error(compiled);
    const validate = compiled;
    return (observation) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(observation.response);
      } catch (error) {
        return {
          passed: false,
          reason: `Response is not JSON (${describeJsonError(observation.response, error)}), so it cannot match the schema. Response: ${quoteExcerpt(observation.response, context?.scanner)}.`,
        };
      }
      if (validate(parsed)) return { passed: true, reason: 'Response is JSON valid against the schema.' };
      const errors = validate.errors ?? [];
      return {
        passed: false,
        reason: `Response does not match the schema: ${describeErrors(errors)}.`,
        details: {
          errors: errors
            .slice(0, 10)
            .map((e) => ({ path: e.instancePath || '/', keyword: e.keyword, message: e.message ?? '' })),
        },
      };
    };
  },
});
