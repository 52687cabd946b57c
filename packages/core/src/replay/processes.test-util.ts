import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** A fixture running in its own Node process, with what it printed on its first line. */
export interface FixtureProcess<T> {
  info: T;
  child: ChildProcess;
  /** Kills the process and waits until it has exited. */
  stop(): Promise<void>;
}

/** Starts `fixtures/<name>` with node and waits for the JSON line it prints once listening. */
export async function startFixtureProcess<T>(
  name: string,
  env: Record<string, string> = {},
): Promise<FixtureProcess<T>> {
  const path = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const child = spawn(process.execPath, [path], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const end = buffered.indexOf('\n');
      if (end !== -1) resolve(buffered.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before listening`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  };
  return { info: JSON.parse(line) as T, child, stop };
}
