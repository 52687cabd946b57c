import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedFile, openApiDocument, renderApiTypes } from '../../../web/scripts/generate-api-types.mjs';
import { startServer } from '../start-server.js';

describe("the dashboard's generated API types", () => {
  it('match what the current response schemas generate (run `npm run generate:api -w @flakestorm/web`)', async () => {
    const expected: string = await renderApiTypes(await openApiDocument(startServer));
    expect(expected).toContain('RunDetail: {');
    expect(readFileSync(generatedFile, 'utf8')).toBe(expected);
  });
});
