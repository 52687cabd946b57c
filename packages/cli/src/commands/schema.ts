import { configJsonSchema } from '@flakestorm/core';

/** `flakestorm schema`: prints the config's JSON Schema. */
export async function schemaCommand(): Promise<number> {
  process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
  return 0;
}
