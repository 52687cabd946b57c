import { engine } from '../engine.js';

/** `flakestorm schema`: prints the config's JSON Schema. */
export async function schemaCommand(): Promise<number> {
  process.stdout.write(`${JSON.stringify(engine('configJsonSchema')(), null, 2)}\n`);
  return 0;
}
