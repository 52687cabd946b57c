#!/usr/bin/env node
// Writes src/api/generated.d.ts from the server's OpenAPI document, so the dashboard's API types follow the
// server's response schemas instead of hand-copied engine types. Run: npm run generate:api -w @flakestorm/web
// (builds @flakestorm/server first). src/api/generated.test.ts fails when the committed file is stale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const webDir = fileURLToPath(new URL('..', import.meta.url));
const repoDir = join(webDir, '..', '..');

/** Where the generated types live. */
export const generatedFile = join(webDir, 'src', 'api', 'generated.d.ts');

const header = `/**
 * Types of the Flakestorm HTTP API, generated from the server's OpenAPI document (GET /api/openapi.json).
 * Do not edit: change the response schemas in packages/server/src/api-schemas, then run
 * \`npm run generate:api -w @flakestorm/web\`.
 */
`;

/** Starts the server in-process over a throwaway SQLite file and reads its OpenAPI document. */
export async function openApiDocument(startServer) {
  const dir = mkdtempSync(join(tmpdir(), 'fs-openapi-'));
  const token = 'generate-api-types-token-0123456789';
  const server = await startServer({
    port: 0,
    db: join(dir, 'flakestorm.db'),
    env: { FLAKESTORM_ADMIN_TOKEN: token },
    logger: false,
  });
  try {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.statusCode !== 200) {
      throw new Error(`GET /api/openapi.json answered ${response.statusCode}: ${response.body}`);
    }
    return response.json();
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders an OpenAPI document as TypeScript, formatted with the repository's Biome settings. */
export async function renderApiTypes(document) {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const ast = await openapiTS(document, { defaultNonNullable: false });
  const source = `${header}\n${astToString(ast)}`;
  const require = createRequire(join(repoDir, 'package.json'));
  const biome = join(dirname(require.resolve('@biomejs/biome/package.json')), 'bin', 'biome');
  const formatted = spawnSync(process.execPath, [biome, 'format', `--stdin-file-path=${generatedFile}`], {
    cwd: repoDir,
    input: source,
    encoding: 'utf8',
  });
  if (formatted.status !== 0) throw new Error(`biome format failed: ${formatted.stderr}`);
  return formatted.stdout;
}

async function main() {
  // The script runs the built server: build it (incremental, quick when up to date) so dist is current.
  const tsc = createRequire(join(repoDir, 'package.json')).resolve('typescript/bin/tsc');
  const build = spawnSync(process.execPath, [tsc, '-b', 'packages/server'], {
    cwd: repoDir,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('Building @flakestorm/server failed; fix the errors above.');
  const { startServer } = await import('@flakestorm/server');
  writeFileSync(generatedFile, await renderApiTypes(await openApiDocument(startServer)));
  console.log(`wrote ${generatedFile}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
