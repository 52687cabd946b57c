import { resolve } from 'node:path';
import { type ProxyExchange, startChaosRun } from '@flakestorm/core';
import { toPlan } from '../sdk-run.js';
import { describeProxy } from './chaos-start.js';

function line(exchange: ProxyExchange): string {
  const status = exchange.status === 0 ? '---' : String(exchange.status);
  const who = exchange.caseKey ? ` [${exchange.caseKey}]` : '';
  return `${status} ${exchange.latencyMs.toFixed(1).padStart(8)} ms  ${exchange.method} ${exchange.url}  ${exchange.fault ?? '-'}${who}\n`;
}

/**
 * `flakestorm proxy`: starts the chaos proxy from the config's `chaos:` block (plus an optional profile),
 * prints one line per exchange, and runs until SIGINT or SIGTERM.
 */
export async function proxyCommand(options: {
  config: string;
  port?: number;
  chaosProfile?: string;
}): Promise<number> {
  const plan = await toPlan(resolve(options.config));
  const routes = (plan.chaos?.routes ?? {}) as Record<string, string>;
  if (Object.keys(routes).length === 0) {
    throw Object.assign(
      new Error('flakestorm proxy needs chaos.routes in the config (e.g. "/llm": https://api.openai.com).'),
      {
        code: 'FLAKESTORM_USAGE',
        issues: [],
      },
    );
  }
  const chaos = await startChaosRun({
    ...(plan.chaos ? { chaos: plan.chaos } : {}),
    ...(options.chaosProfile ? { profile: options.chaosProfile } : {}),
    ...(options.port === undefined ? {} : { port: options.port }),
    seed: plan.settings.seed,
    onExchange: (exchange) => process.stdout.write(line(exchange)),
  });
  describeProxy(chaos, process.stderr);
  process.stderr.write('Ctrl-C to stop.\n');
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await chaos.close();
  return 0;
}
