import type { Command } from 'commander';
import type { ExitSink } from '../program.js';

/** Registers `flakestorm proxy` (the implementation loads lazily, like every other command). */
export function registerProxyCommand(program: Command, setExit: ExitSink): void {
  program
    .command('proxy')
    .description("run the chaos proxy standalone: point the agent's LLM and tool URLs at it")
    .option('-c, --config <path>', 'config file with a chaos: block', 'flakestorm.yaml')
    .option('--port <n>', 'port to listen on (default: chaos.port, else a free one)', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        throw Object.assign(new Error(`--port must be an integer from 0 to 65535, got "${v}".`), {
          code: 'FLAKESTORM_USAGE',
          issues: [],
        });
      }
      return n;
    })
    .option('--chaos-profile <name>', 'add a built-in chaos profile to the config faults')
    .addHelpText(
      'after',
      '\nExamples:\n  $ flakestorm proxy -c flakestorm.yaml --port 8787\n  $ OPENAI_BASE_URL=http://127.0.0.1:8787/llm/v1 node my-agent.js\n',
    )
    .action(async (options: { config: string; port?: number; chaosProfile?: string }) => {
      const { proxyCommand } = await import('./proxy.js');
      setExit(await proxyCommand(options));
    });
}
