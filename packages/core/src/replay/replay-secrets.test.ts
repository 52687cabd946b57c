import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { toChaosRoutes } from '../chaos/routes.js';
import { listenLocal } from '../testing/listen.js';
import { createReplayUpstream } from './replay-upstream.js';

const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

describe('a recorded session holds no credentials', () => {
  it('masks secret query parameters of recorded paths, keeps request headers out, and still replays them', async () => {
    const seen: string[] = [];
    const real = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'sid=cookie-secret' });
      res.end('{"ok":true}');
    });
    const fixture = await listenLocal(real);
    open.push(fixture);
    const u = await createReplayUpstream();
    open.push(u);
    u.routesFor(['/llm']);
    u.record(toChaosRoutes({ '/llm': fixture.url }));
    const url = `${u.url}/llm/v1/models/g:generate?key=AIzaSecretValue123&alt=sse&access_token=tok-secret`;
    const res = await fetch(url, {
      method: 'POST',
      body: '{}',
      headers: { authorization: 'Bearer sk-live-secret' },
    });
    expect(await res.text()).toBe('{"ok":true}');
    // The upstream got the real key: only the recording is masked.
    expect(seen[0]).toContain('key=AIzaSecretValue123');
    const recorded = JSON.stringify(u.recorded);
    expect(recorded).not.toContain('AIzaSecretValue123');
    expect(recorded).not.toContain('tok-secret');
    expect(recorded).not.toContain('sk-live-secret');
    expect(recorded).not.toContain('cookie-secret');
    expect(u.recorded[0]?.path).toBe('/v1/models/g:generate?key=***&alt=sse&access_token=***');

    // Replaying the same call (with the real key again) matches the masked recording exactly.
    const first = u.recorded[0] as (typeof u.recorded)[number];
    u.serve([{ ...first, path: '/other', body: '"wrong"' }, first]);
    const again = await fetch(url, { method: 'POST', body: '{}' });
    expect(await again.text()).toBe('{"ok":true}');
  });
});
