import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { FlakestormError, type ReportInput } from '@flakestorm/core';
import {
  compareRuns,
  createCertificate,
  generateKeyPair,
  readReportFile,
  renderCertificateHtml,
  renderComparison,
  verifyCertificate,
  writeReports,
} from '@flakestorm/reporters';
import { ExitCode } from '../exit-codes.js';

/** Options shared by every command that renders a run into files. */
export interface RenderRunOptions {
  format: string[];
  outDir: string;
  redact: boolean;
}

/** Renders a run into `outDir` as `flakestorm-<run id>.<ext>` per format and prints the paths. */
export async function renderRunFiles(input: ReportInput, options: RenderRunOptions): Promise<number> {
  const paths = await writeReports(input, {
    formats: options.format,
    outDir: resolve(options.outDir),
    basename: `flakestorm-${input.meta.runId}`,
    redact: options.redact,
  });
  for (const p of paths) process.stdout.write(`${p}\n`);
  return ExitCode.passed;
}

/** `flakestorm report RUN.json`: re-renders a stored JSON report in other formats. */
export async function reportCommand(path: string, options: RenderRunOptions): Promise<number> {
  return renderRunFiles(await readReportFile(path), options);
}

/** `flakestorm compare BASE HEAD`: prints the comparison; exit 1 when HEAD regressed beyond the tolerance. */
export async function compareCommand(
  base: string,
  head: string,
  options: { tolerance: number; format: string; out?: string },
): Promise<number> {
  const comparison = await compareRuns(base, head, { tolerance: options.tolerance });
  const text = renderComparison(comparison, options.format);
  if (options.out) {
    await writeFile(options.out, text);
    process.stderr.write(`comparison written to ${options.out}\n`);
  } else {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
  if (comparison.regressed) {
    process.stderr.write(
      `flakestorm: HEAD is less robust than BASE beyond the tolerance of ${options.tolerance}.\n`,
    );
    return ExitCode.belowMinScore;
  }
  return ExitCode.passed;
}

async function readText(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (cause) {
    throw new FlakestormError('FLAKESTORM_USAGE', `Cannot read the ${what} ${path}.`, {
      cause,
      hint: `Check the path; create a key pair with \`flakestorm certificate keygen\`.`,
    });
  }
}

/** `flakestorm certificate RUN.json --key KEY`: writes a signed resilience certificate (and its HTML). */
export async function certificateCommand(
  path: string,
  options: { key: string; out: string; html?: string },
): Promise<number> {
  const input = await readReportFile(path);
  const certificate = createCertificate(input, { privateKeyPem: await readText(options.key, 'private key') });
  await writeFile(options.out, `${JSON.stringify(certificate, null, 2)}\n`);
  process.stdout.write(`certificate written to ${options.out}\n`);
  if (options.html) {
    await writeFile(options.html, renderCertificateHtml(certificate));
    process.stdout.write(`printable certificate written to ${options.html}\n`);
  }
  return ExitCode.passed;
}

/** `flakestorm certificate verify CERT`: offline check; exit 1 on any tampering or a wrong pinned key. */
export async function verifyCertificateCommand(
  path: string,
  options: { publicKey?: string },
): Promise<number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(path, 'certificate'));
  } catch (cause) {
    if (cause instanceof FlakestormError) throw cause;
    process.stderr.write(`flakestorm: ${path} is not a certificate (not JSON).\n`);
    return ExitCode.belowMinScore;
  }
  const publicKeyPem = options.publicKey ? await readText(options.publicKey, 'public key') : undefined;
  const verdict = verifyCertificate(parsed, publicKeyPem ? { publicKeyPem } : {});
  const stream = verdict.valid ? process.stdout : process.stderr;
  stream.write(`${verdict.valid ? 'valid' : 'INVALID'}: ${verdict.reason}\n`);
  return verdict.valid ? ExitCode.passed : ExitCode.belowMinScore;
}

/** `flakestorm certificate keygen`: writes an Ed25519 key pair (the private key readable by its owner only). */
export async function keygenCommand(options: { outDir: string }): Promise<number> {
  const pair = generateKeyPair();
  const dir = resolve(options.outDir);
  await mkdir(dir, { recursive: true });
  const privatePath = resolve(dir, 'flakestorm-signing.key');
  const publicPath = resolve(dir, 'flakestorm-signing.pub');
  await writeFile(privatePath, pair.privateKeyPem, { mode: 0o600, flag: 'wx' }).catch((cause: unknown) => {
    throw new FlakestormError('FLAKESTORM_USAGE', `Cannot write ${privatePath}.`, {
      cause,
      hint: 'It may exist already: keys are never overwritten. Choose another --out-dir.',
    });
  });
  await writeFile(publicPath, pair.publicKeyPem);
  process.stdout.write(
    `private key: ${privatePath}\npublic key:  ${publicPath}\nfingerprint: ${pair.fingerprint}\n`,
  );
  return ExitCode.passed;
}
