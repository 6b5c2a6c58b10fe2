import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blindIndex, blindIndexesForLookup } from './blind-index.js';
import { KeyRing } from './key-ring.js';
import { normaliseForIndex } from './normalise-personal.js';

const newSecret = () => randomBytes(32).toString('base64url');
const ring = KeyRing.ephemeral();
const context = 'ws_acme.customer.email';

describe('blindIndex', () => {
  it('matches an independent computation (known answer from Python hmac)', () => {
    const known = KeyRing.fromSecrets('tessera-known-answer-secret-0123456789abcdef');
    expect(blindIndex(known, '+8613812345678', 'ws_acme.customer.phone')).toBe('iv4d8jIX5aWYmxD1j5HTrA');
  });

  it('is 16 bytes of base64url, equal for equal normalised values', () => {
    const index = blindIndex(ring, normaliseForIndex('email', ' Zhang.San@Example.com'), context);
    expect(index).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(Buffer.from(index, 'base64url').length).toBe(16);
    expect(blindIndex(ring, normaliseForIndex('email', 'zhang.san@example.com '), context)).toBe(index);
    expect(blindIndex(ring, normaliseForIndex('email', 'zhang.san@example.org'), context)).not.toBe(index);
  });

  it('differs across fields and workspaces (contexts) and across keys', () => {
    const value = 'zhang.san@example.com';
    const indexes = [
      blindIndex(ring, value, context),
      blindIndex(ring, value, 'ws_acme.lead.email'),
      blindIndex(ring, value, 'ws_other.customer.email'),
      blindIndex(KeyRing.ephemeral(), value, context),
    ];
    expect(new Set(indexes).size).toBe(4);
  });

  it('keeps context and value apart: moving characters between them changes the index', () => {
    expect(blindIndex(ring, 'bc', 'ws.a')).not.toBe(blindIndex(ring, 'c', 'ws.ab'));
  });

  it('gives 100,000 distinct phone numbers 100,000 distinct indexes', () => {
    const indexes = new Set<string>();
    for (let n = 0; n < 100_000; n += 1) indexes.add(blindIndex(ring, `+86138${String(n).padStart(8, '0')}`, context));
    expect(indexes.size).toBe(100_000);
  });

  it('refuses an empty context', () => {
    expect(() => blindIndex(ring, 'x', '')).toThrow(expect.objectContaining({ fault: 'invalid_argument' }));
    expect(() => blindIndexesForLookup(ring, 'x', '')).toThrow(expect.objectContaining({ fault: 'invalid_argument' }));
  });
});

describe('blindIndexesForLookup', () => {
  it('finds values indexed before a rotation: the current key first, then each previous one', () => {
    const [older, old, current] = [newSecret(), newSecret(), newSecret()];
    const value = 'zhang.san@example.com';
    const rotated = KeyRing.fromSecrets(current, [old, older]);
    expect(blindIndexesForLookup(rotated, value, context)).toEqual([
      blindIndex(KeyRing.fromSecrets(current), value, context),
      blindIndex(KeyRing.fromSecrets(old), value, context),
      blindIndex(KeyRing.fromSecrets(older), value, context),
    ]);
  });

  it('is just the current index without a rotation', () => {
    expect(blindIndexesForLookup(ring, 'x', context)).toEqual([blindIndex(ring, 'x', context)]);
  });
});
