import { describe, expect, it } from 'vitest';
import { comparePath, parseRoute, runPath } from './routes.js';

describe('parseRoute', () => {
  it('maps every page', () => {
    expect(parseRoute('/')).toEqual({ name: 'runs' });
    expect(parseRoute('/runs')).toEqual({ name: 'runs' });
    expect(parseRoute('/runs/01ABC')).toEqual({ name: 'run', id: '01ABC' });
    expect(parseRoute('/trends')).toEqual({ name: 'trends' });
    expect(parseRoute('/compare', '?base=a&head=b')).toEqual({ name: 'compare', base: 'a', head: 'b' });
    expect(parseRoute('/compare')).toEqual({ name: 'compare', base: null, head: null });
    expect(parseRoute('/scan')).toEqual({ name: 'scan' });
    expect(parseRoute('/agents')).toEqual({ name: 'agents' });
    expect(parseRoute('/agents/new')).toEqual({ name: 'agent', id: null });
    expect(parseRoute('/agents/agt_1')).toEqual({ name: 'agent', id: 'agt_1' });
  });

  it('answers not-found for unknown or malformed paths instead of throwing', () => {
    expect(parseRoute('/nope').name).toBe('not-found');
    expect(parseRoute('/runs/a/b').name).toBe('not-found');
    expect(parseRoute('/trends/x').name).toBe('not-found');
    expect(parseRoute('/runs/%E0%A4%A')).toEqual({ name: 'run', id: '%E0%A4%A' });
  });

  it('round-trips ids that need escaping', () => {
    const id = 'a/b?c';
    expect(parseRoute(runPath(id))).toEqual({ name: 'run', id });
    const path = comparePath('x&y', 'z');
    const [pathname, search] = path.split('?');
    expect(parseRoute(pathname ?? '', `?${search}`)).toEqual({ name: 'compare', base: 'x&y', head: 'z' });
  });
});
