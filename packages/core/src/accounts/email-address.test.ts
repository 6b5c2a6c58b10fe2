import { describe, expect, it } from 'vitest';
import { normalizeEmail } from './email-address.js';

describe('email addresses', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Wang.Fang@Example.COM ')).toBe('wang.fang@example.com');
    expect(normalizeEmail('李@例子.中国')).toBe('李@例子.中国');
  });

  it('refuses what is not an address with 400 INVALID_EMAIL', () => {
    const bad = ['', 'no-at-sign', 'a@b', 'a@@b.com', 'a b@c.com', `' OR 1=1 --`, `x@y.com' OR '1'='1`, 'a@b\n.com', 'a\u0000@b.com', `${'a'.repeat(250)}@b.com`, 42, null, { email: 'a@b.com' }];
    for (const value of bad) expect(() => normalizeEmail(value)).toThrow(expect.objectContaining({ code: 'INVALID_EMAIL', status: 400 }));
  });
});
