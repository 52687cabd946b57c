import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether an external program is on PATH (xmllint, pdftotext...). */
export function hasProgram(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Where the Debian chromium binary is, when installed. */
export const chromiumPath = '/usr/bin/chromium';

/** Whether the Debian chromium package is installed. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

/** Browser and tool tests must run in CI; locally they may skip with a message saying what to install. */
export function mustRunTools(): boolean {
  return process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
}
