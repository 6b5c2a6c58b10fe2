import { describe, expect, it } from 'vitest';
import { checkGivenPassword, checkNewPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts new passwords of 10 to 200 characters, counted as characters', () => {
    expect(checkNewPassword('a'.repeat(10))).toBe('a'.repeat(10));
    expect(checkNewPassword('密'.repeat(200))).toBe('密'.repeat(200));
    expect(checkNewPassword('😀'.repeat(10))).toBe('😀'.repeat(10));
  });

  it('refuses short, long and non-text new passwords with a bilingual 400', () => {
    for (const bad of ['a'.repeat(9), 'a'.repeat(201), '😀'.repeat(9), 12345678901, null, undefined, ['a'.repeat(12)]]) {
      expect(() => checkNewPassword(bad)).toThrow(expect.objectContaining({
        code: 'INVALID_PASSWORD', status: 400,
        messages: { 'zh-CN': '密码长度须为 10 到 200 个字符', en: 'The password must be 10 to 200 characters long' },
      }));
    }
  });

  it('lets a short password through to sign-in (it is merely wrong) but refuses an oversized one before hashing', () => {
    expect(checkGivenPassword('short')).toBe('short');
    expect(() => checkGivenPassword('x'.repeat(201))).toThrow(expect.objectContaining({ code: 'INVALID_PASSWORD', status: 400 }));
    expect(() => checkGivenPassword('x'.repeat(10_000_000))).toThrow(expect.objectContaining({ code: 'INVALID_PASSWORD' }));
    expect(() => checkGivenPassword({ length: 3 })).toThrow(expect.objectContaining({ code: 'INVALID_PASSWORD' }));
  });
});
