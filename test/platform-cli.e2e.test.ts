import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureReport } from '@flakestorm/reporters';
import { createStore, recordRunEvents } from '@flakestorm/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCli } from './helpers/cli.js';
import { tempDir } from './helpers/temp-dir.js';

const dir = tempDir();
beforeAll(ensureBuilt, 180_000);
afterAll(() => dir.cleanup());

const write = (name: string, value: unknown) => {
  const path = join(dir.path, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
};

describe('report, compare and certificate', () => {
  const base = createFixtureReport({ cases: 60, seed: 1, failureRate: 0.1, runId: 'base-run' });
  const worse = createFixtureReport({ cases: 60, seed: 1, failureRate: 0.5, runId: 'head-run' });

  it('re-renders a stored JSON report in other formats', async () => {
    const path = write('base.json', base);
    const out = join(dir.path, 'rendered');
    const result = await runCli(['report', path, '--format', 'html,md,csv,junit', '--out-dir', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        'flakestorm-base-run.csv',
        'flakestorm-base-run.html',
        'flakestorm-base-run.md',
        'flakestorm-base-run.xml',
      ].sort(),
    );
    const bad = await runCli(['report', path, '--format', 'docx']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/docx/);
  });

  it('exits 1 when HEAD regresses beyond the tolerance and 0 otherwise', async () => {
    const basePath = write('cmp-base.json', base);
    const headPath = write('cmp-head.json', worse);
    const regressed = await runCli(['compare', basePath, headPath, '--format', 'json']);
    expect(regressed.code).toBe(1);
    const comparison = JSON.parse(regressed.stdout) as { regressed: boolean };
    expect(comparison.regressed).toBe(true);
    const same = await runCli(['compare', basePath, basePath]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('#');
    const tolerant = await runCli(['compare', basePath, headPath, '--tolerance', '1']);
    expect(tolerant.code).toBe(0);
    const badTolerance = await runCli(['compare', basePath, headPath, '--tolerance', '2']);
    expect(badTolerance.code).toBe(2);
  });

  it('signs a certificate, verifies it offline, and detects tampering', async () => {
    const reportPath = write('cert-run.json', base);
    const keys = join(dir.path, 'keys');
    expect((await runCli(['certificate', 'keygen', '--out-dir', keys])).code).toBe(0);
    const cert = join(dir.path, 'cert.json');
    const html = join(dir.path, 'cert.html');
    const signed = await runCli([
      'certificate',
      reportPath,
      '--key',
      join(keys, 'flakestorm-signing.key'),
      '--out',
      cert,
      '--html',
      html,
    ]);
    expect(signed.code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('<html');
    const ok = await runCli([
      'certificate',
      'verify',
      cert,
      '--public-key',
      join(keys, 'flakestorm-signing.pub'),
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^valid/);
    const text = readFileSync(cert, 'utf8');
    const tampered = join(dir.path, 'tampered.json');
    writeFileSync(tampered, text.replace(/"robustness": ?[\d.]+/, '"robustness": 0.99'));
    expect(readFileSync(tampered, 'utf8')).not.toBe(text);
    const bad = await runCli(['certificate', 'verify', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^INVALID/);
    const missingKey = await runCli(['certificate', reportPath]);
    expect(missingKey.code).toBe(2);
  });
});

describe('runs and serve', () => {
  it('lists stored runs and exports one', async () => {
    const db = join(dir.path, 'history.db');
    const store = await createStore({ url: db });
    const report = createFixtureReport({ cases: 12, seed: 3, runId: 'stored-run' });
    const { schemaVersion: _v, summary, results, ...meta } = report;
    const sink = recordRunEvents(store);
    sink.onEvent({ type: 'run.start', meta: { ...meta, status: 'running' }, totalCases: results.length });
    results.forEach((result, i) => {
      sink.onEvent({
        type: 'case.result',
        result,
        completed: i + 1,
        total: results.length,
        passed: 0,
        failed: 0,
      });
    });
    sink.onEvent({ type: 'run.end', meta, summary });
    await sink.done();
    await store.close();

    const listed = await runCli(['runs', '--db', db, '--json']);
    expect(listed.code).toBe(0);
    const runs = JSON.parse(listed.stdout) as Array<{ id: string; completed: number }>;
    expect(runs.map((r) => r.id)).toEqual(['stored-run']);
    expect(runs[0]?.completed).toBe(12);
    const table = await runCli(['runs', '--db', db]);
    expect(table.stdout).toContain('stored-run');

    const out = join(dir.path, 'exported');
    const exported = await runCli([
      'runs',
      'export',
      'stored-run',
      '--db',
      db,
      '--format',
      'csv,json',
      '--out-dir',
      out,
    ]);
    expect(exported.code).toBe(0);
    const csv = readFileSync(join(out, 'flakestorm-stored-run.csv'), 'utf8');
    expect(csv.trim().split('\n')).toHaveLength(13);
    const missing = await runCli(['runs', 'export', 'nope', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No run nope');
  });

  it('serves the API with a one-time admin token and stops cleanly on SIGINT', async () => {
    const db = join(dir.path, 'serve.db');
    let url = '';
    let token = '';
    const result = await runCli(['serve', '--port', '0', '--db', db], {
      timeoutMs: 30_000,
      onSpawn: (child, output) => {
        const poll = setInterval(async () => {
          const tokenLine = /admin token: (\S+)/.exec(output.stdout());
          const urlLine = /server on (http:\/\/\S+)/.exec(output.stdout());
          if (!tokenLine?.[1] || !urlLine?.[1]) return;
          clearInterval(poll);
          token = tokenLine[1];
          url = urlLine[1];
          const denied = await fetch(`${url}/api/runs`);
          const allowed = await fetch(`${url}/api/runs`, { headers: { authorization: `Bearer ${token}` } });
          const page = await fetch(`${url}/`);
          (globalThis as { serveStatuses?: number[] }).serveStatuses = [
            denied.status,
            allowed.status,
            page.status,
          ];
          child.kill('SIGINT');
        }, 100);
      },
    });
    expect(result.code).toBe(0);
    expect(token).toMatch(/^fst_/);
    expect((globalThis as { serveStatuses?: number[] }).serveStatuses).toEqual([401, 200, 200]);
    const again = await runCli([
      'serve',
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--db',
      join(dir.path, 'fresh.db'),
    ]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('FLAKESTORM_ADMIN_TOKEN');
  });
});
