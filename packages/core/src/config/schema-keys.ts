import * as z from 'zod';
import type { ConfigPath } from './config-path.js';
import { valueAt } from './config-path.js';

/**
 * The keys an object at `path` may have, read from the schema itself (so hints never drift from it).
 * Unions contribute the keys of the options that fit the data's discriminator, or of all options.
 */
export function allowedKeysAt(schema: z.ZodType, path: ConfigPath, data: unknown): string[] {
  const keys = new Set<string>();
  const visit = (node: z.ZodType, depth: number): void => {
    const inner = unwrap(node);
    if (inner instanceof z.ZodUnion) {
      const options = inner.options as readonly z.ZodType[];
      const fitting = options.filter((option) =>
        fitsDiscriminator(option, valueAt(data, path.slice(0, depth))),
      );
      for (const option of fitting.length > 0 ? fitting : options) visit(option, depth);
      return;
    }
    if (depth === path.length) {
      if (inner instanceof z.ZodObject) for (const key of Object.keys(inner.shape)) keys.add(key);
      return;
    }
    const segment = path[depth];
    if (inner instanceof z.ZodObject && typeof segment === 'string') {
      const child = (inner.shape as Record<string, z.ZodType>)[segment];
      if (child) visit(child, depth + 1);
    } else if (inner instanceof z.ZodArray) {
      visit(inner.element as z.ZodType, depth + 1);
    } else if (inner instanceof z.ZodRecord) {
      visit(inner.valueType as z.ZodType, depth + 1);
    }
  };
  visit(schema, 0);
  return [...keys];
}

function unwrap(node: z.ZodType): z.ZodType {
  let current = node;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

// An object option "fits" when it is an object and its literal `type` (if any) equals the data's.
function fitsDiscriminator(option: z.ZodType, value: unknown): boolean {
  const inner = unwrap(option);
  if (!(inner instanceof z.ZodObject)) return false;
  const typeField = (inner.shape as Record<string, z.ZodType | undefined>).type;
  const literal = typeField ? unwrap(typeField) : undefined;
  if (!(literal instanceof z.ZodLiteral)) return true;
  const actual =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
  const values = [...literal.values] as unknown[];
  // An optional literal (the default type) also fits data without a `type`.
  return values.includes(actual) || (actual === undefined && typeField instanceof z.ZodOptional);
}
