import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The built CLI's launcher: end-to-end tests run exactly what `npx flakestorm` runs. */
export const cliBin = join(root, 'packages/cli/bin/flakestorm.js');

const PACKAGES = ['core', 'patterns', 'reporters', 'store', 'server', 'demo-agent', 'cli'];
const stamp = join(root, 'packages/cli/dist/.e2e-build-stamp');
const lock = join(root, 'packages/cli/dist/.e2e-build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|json)$/.test(entry.name) && !entry.name.includes('.test.')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

function isStale(): boolean {
  if (!existsSync(stamp) || !existsSync(join(root, 'packages/cli/dist/main.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  return PACKAGES.some((pkg) => newestSource(join(root, 'packages', pkg, 'src')) > built);
}

/**
 * Builds the CLI and what it depends on when a source is newer than the last build (`npm install`
 * builds on a fresh clone; this keeps `npm test` honest after edits). One test process builds at a
 * time: the others wait on a lock folder.
 */
export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  mkdirSync(join(root, 'packages/cli/dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000)
        rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      if (!isStale()) return;
    }
  }
  try {
    if (!isStale()) return;
    const started = Date.now();
    const build = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'packages/cli', 'packages/demo-agent'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    if (build.status !== 0) throw new Error(`Building the CLI failed:\n${build.stdout}${build.stderr}`);
    writeFileSync(stamp, String(started));
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** What a CLI process did. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of one CLI invocation. */
export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
  timeoutMs?: number;
  /** Called with the child once it is running (e.g. to send SIGINT). */
  onSpawn?: (child: ReturnType<typeof spawn>, output: { stdout: () => string; stderr: () => string }) => void;
}

/** Runs `flakestorm <args>` as a child process (no TTY, no colour) and collects its output. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBin, ...args], {
      cwd: options.cwd ?? root,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', FLAKESTORM_DEBUG: '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString('utf8');
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
    options.onSpawn?.(child, { stdout: () => stdout, stderr: () => stderr });
  });
}
