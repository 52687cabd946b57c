import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { FlakestormError, starterConfig } from '@flakestorm/core';

/** `flakestorm init`: writes the commented starter config; never overwrites without --force. */
export async function initCommand(path: string, options: { force: boolean }): Promise<number> {
  const file = resolve(path);
  if (existsSync(file) && !options.force) {
    throw new FlakestormError(
      'FLAKESTORM_USAGE',
      `${relative(process.cwd(), file) || file} already exists.`,
      {
        hint: 'Pass --force to overwrite it, or give another path: flakestorm init other.yaml',
      },
    );
  }
  await writeFile(file, starterConfig(), 'utf8');
  process.stdout.write(
    `Wrote ${relative(process.cwd(), file) || file}. Point agent.endpoint at your agent, then run: flakestorm run -c ${path}\n`,
  );
  return 0;
}
