import { existsSync } from 'node:fs';
import { FlakestormError } from '@flakestorm/core';
import type { Browser } from 'playwright-core';

/** Where the Debian `chromium` package installs the browser; FLAKESTORM_CHROMIUM overrides it. */
export function chromiumExecutable(): string {
  return process.env.FLAKESTORM_CHROMIUM || '/usr/bin/chromium';
}

/** Flags for a quiet, offline headless run: no sandbox (containers), no background network traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches the system Chromium through playwright-core. Never downloads a browser: where none is
 * installed it throws FLAKESTORM_CHROMIUM_MISSING saying how to install one (the CLI exits 2).
 */
export async function launchChromium(executablePath = chromiumExecutable()): Promise<Browser> {
  const hint =
    'Install it with `apt-get install chromium` (Debian/Ubuntu), or set FLAKESTORM_CHROMIUM to a Chromium binary.';
  if (!existsSync(executablePath)) {
    throw new FlakestormError(
      'FLAKESTORM_CHROMIUM_MISSING',
      `PDF reports need Chromium, which was not found at ${executablePath}: apt-get install chromium`,
      { hint, details: { executablePath } },
    );
  }
  const { chromium } = await import('playwright-core');
  try {
    return await chromium.launch({ executablePath, args: chromiumArgs, headless: true });
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_CHROMIUM_MISSING', `Chromium at ${executablePath} did not start.`, {
      hint,
      details: { executablePath },
      cause,
    });
  }
}
