import { describe, expect, it } from 'vitest';
import { PrincipalCache } from './principal-cache.js';

describe('PrincipalCache', () => {
  const stamp = (value: { n: number; source?: unknown }) => ({ ...value, source: 'this request' });

  it('resolves a token once per TTL and stamps each answer with its request', async () => {
    const cache = new PrincipalCache<{ n: number }>(60_000);
    let calls = 0;
    const resolve = async () => ({ n: (calls += 1) });
    expect(await cache.get('t', resolve, stamp)).toEqual({ n: 1 });
    expect(await cache.get('t', resolve, stamp)).toEqual({ n: 1, source: 'this request' });
    expect(calls).toBe(1);
  });

  it('resolves again after a clear (a revocation in this process) and after the TTL', async () => {
    const cache = new PrincipalCache<{ n: number }>(50);
    let calls = 0;
    const resolve = async () => ({ n: (calls += 1) });
    await cache.get('t', resolve, stamp);
    cache.clear();
    expect(await cache.get('t', resolve, stamp)).toEqual({ n: 2 });
    await new Promise((done) => setTimeout(done, 60));
    expect(await cache.get('t', resolve, stamp)).toEqual({ n: 3 });
  });

  it('remembers unknown tokens too, and nothing with a TTL of 0', async () => {
    const cache = new PrincipalCache<{ n: number }>(60_000);
    let calls = 0;
    const unknown = async () => { calls += 1; return undefined; };
    expect(await cache.get('x', unknown, stamp)).toBeUndefined();
    expect(await cache.get('x', unknown, stamp)).toBeUndefined();
    expect(calls).toBe(1);
    const none = new PrincipalCache<{ n: number }>(0);
    await none.get('x', unknown, stamp);
    await none.get('x', unknown, stamp);
    expect(calls).toBe(3);
  });
});
