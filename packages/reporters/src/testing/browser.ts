import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { hasChromium, mustRunTools } from './tool-check.js';

/** Where browser tests save screenshots and rendered files (git-ignored). */
export const artifactsDir = fileURLToPath(new URL('../../../../test-artifacts/', import.meta.url));

/** Creates the artifacts folder and returns it. */
export function ensureArtifactsDir(): string {
  mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

/** True when browser tests must be skipped: no Chromium and not in CI (where they must run). */
export function skipBrowserTests(suite: string): boolean {
  if (hasChromium() || mustRunTools()) return false;
  console.warn(
    `${suite}: skipped, /usr/bin/chromium is missing (apt-get install chromium; CI runs these tests)`,
  );
  return true;
}
