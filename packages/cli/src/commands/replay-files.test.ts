import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReplaySession } from '@flakestorm/core';
import { describe, expect, it } from 'vitest';
import { writeSessionFiles } from './replay.js';

const session = (id: string, input = 'hi'): ReplaySession => ({ id, input, exchanges: [] });

describe('writing imported or exported sessions', () => {
  it('gives sessions whose ids sanitise alike their own files instead of overwriting one with another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-sessions-'));
    const written = await writeSessionFiles([session('a/b', 'first'), session('a_b', 'second')], dir);
    expect(new Set(written).size).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['a_b-2.yaml', 'a_b.yaml']);
  });

  it('never overwrites an existing session file without --force, and writes nothing then', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-sessions-'));
    writeFileSync(join(dir, 'keep.yaml'), 'edited by hand\n');
    await expect(writeSessionFiles([session('new'), session('keep')], dir)).rejects.toMatchObject({
      code: 'FLAKESTORM_USAGE',
      hint: expect.stringContaining('--force'),
    });
    expect(readFileSync(join(dir, 'keep.yaml'), 'utf8')).toBe('edited by hand\n');
    expect(readdirSync(dir)).toEqual(['keep.yaml']);
    await writeSessionFiles([session('keep', 'replaced')], dir, { force: true });
    expect(readFileSync(join(dir, 'keep.yaml'), 'utf8')).toContain('replaced');
  });

  it('keeps path separators and dots in ids from leaving the folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fs-sessions-'));
    const [path] = await writeSessionFiles([session('../../etc/passwd')], dir);
    expect(path?.startsWith(dir)).toBe(true);
  });
});
