import { existsSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { builtinPlugin, createPlanTarget, createRegistry, type RunPlan, type Target } from '@flakestorm/core';
import { isPrintableError } from '../error-shape.js';
import { ExitCode } from '../exit-codes.js';
import { toPlan } from '../sdk-run.js';
import { createColors, shouldColor } from '../terminal/colors.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
  /** Exit code this failure maps to (the worst one wins). */
  code?: number;
}

/** `flakestorm doctor`: checks the environment, the config and the target, and says what to fix. */
export async function doctorCommand(options: { config: string }): Promise<number> {
  const checks: Check[] = [nodeCheck(), chromiumCheck()];
  let plan: RunPlan | undefined;
  try {
    plan = await toPlan(resolve(options.config));
    checks.push({
      name: 'config',
      ok: true,
      detail: `${options.config} is valid (${plan.warnings.length} warnings)`,
    });
  } catch (error) {
    checks.push({
      name: 'config',
      ok: false,
      detail: errorText(error),
      fix:
        isPrintableError(error) && error.hint
          ? error.hint
          : `Fix ${options.config}, then run: flakestorm validate`,
      code: ExitCode.usage,
    });
  }
  if (plan) checks.push(...(await targetChecks(plan)));
  const c = createColors(shouldColor(process.stdout));
  const lines = checks.map((check) => {
    const mark = check.ok ? c.green('✓') : c.red('✗');
    const fix = check.ok || !check.fix ? '' : `\n    ${c.cyan('fix:')} ${check.fix}`;
    return `${mark} ${check.name.padEnd(12)} ${check.detail}${fix}`;
  });
  process.stdout.write(`${lines.join('\n')}\n`);
  const failed = checks.filter((check) => !check.ok && check.code !== undefined);
  return failed.length === 0 ? ExitCode.passed : Math.max(...failed.map((f) => f.code ?? 0));
}

function errorText(error: unknown): string {
  if (isPrintableError(error)) {
    const issue = error.issues[0];
    const where = issue?.location
      ? ` at ${issue.location.file}:${issue.location.line}:${issue.location.column}`
      : '';
    return `${error.message}${where}${issue ? ` (${issue.message})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function nodeCheck(): Check {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return {
    name: 'node',
    ok,
    detail: `Node ${process.versions.node}`,
    fix: 'Install Node 20.19 or newer (https://nodejs.org).',
    code: ExitCode.usage,
  };
}

function chromiumCheck(): Check {
  const names = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];
  const dirs = (process.env.PATH ?? '').split(delimiter);
  const found = names.flatMap((n) => dirs.map((d) => join(d, n))).find((p) => existsSync(p));
  // Chromium is only needed for PDF reports: its absence is a note, not a failure.
  return found
    ? { name: 'chromium', ok: true, detail: `found ${found} (PDF reports work)` }
    : {
        name: 'chromium',
        ok: false,
        detail: 'not found: PDF reports are unavailable (every other format works)',
        fix: 'Install Chromium (e.g. apt-get install chromium) if you want PDF reports.',
      };
}

async function targetChecks(plan: RunPlan): Promise<Check[]> {
  const registry = createRegistry([builtinPlugin]);
  let target: Target;
  try {
    target = createPlanTarget(plan, registry);
  } catch (error) {
    return [
      {
        name: 'target',
        ok: false,
        detail: errorText(error),
        fix: 'Check the agent section of the config.',
        code: ExitCode.usage,
      },
    ];
  }
  const checks: Check[] = [];
  const signal = AbortSignal.timeout(Math.max(plan.timeoutMs, 1000));
  try {
    await target.preflight(signal);
    checks.push({ name: 'reachable', ok: true, detail: target.description });
    const golden = plan.goldenPrompts[0];
    if (golden) {
      const answer = await target.send({
        caseId: 'doctor',
        prompt: golden.text,
        messages: [{ role: 'user', content: golden.text }],
        vars: golden.vars,
        sessionId: 'doctor',
        timeoutMs: plan.timeoutMs,
        signal,
      });
      const shape = answer.text.trim() === '' ? 'an empty answer' : `${answer.text.length} characters`;
      checks.push({
        name: 'answer',
        ok: answer.text.trim() !== '',
        detail: `"${golden.text.slice(0, 40)}" -> ${shape}${answer.status ? `, status ${answer.status}` : ''}, ${Math.round(answer.latencyMs)} ms`,
        fix: 'The answer text is empty: set agent.response_path to the field that holds the answer.',
        code: ExitCode.usage,
      });
    }
  } catch (error) {
    const unreachable = isPrintableError(error) && error.code === 'FLAKESTORM_TARGET_UNREACHABLE';
    checks.push({
      name: unreachable ? 'reachable' : 'answer',
      ok: false,
      detail: errorText(error),
      fix: unreachable
        ? `Start the agent, or fix agent.endpoint (${target.description}).`
        : isPrintableError(error) && error.hint
          ? error.hint
          : 'Check the agent answers the request format in the config.',
      code: unreachable ? ExitCode.targetUnreachable : ExitCode.usage,
    });
  } finally {
    await target.close();
  }
  return checks;
}
