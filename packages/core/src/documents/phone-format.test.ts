import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { isPhoneNumber } from './phone-format.js';

const libraryAnswer = (value: string) => value.length <= 32 && isValidPhoneNumber(value, 'CN');

describe('phone format', () => {
  it('agrees with libphonenumber-js on every Chinese mobile number shape', () => {
    fc.assert(fc.property(fc.stringMatching(/^\d{10}$/), (digits) => {
      const value = `+861${digits}`;
      expect(libraryAnswer(value)).toBe(true);
      expect(isPhoneNumber(value)).toBe(true);
    }), { numRuns: 2_000 });
  });

  it('agrees with libphonenumber-js on near misses and other numbers', () => {
    const nearMiss = fc.tuple(fc.constantFrom('+86', '+861', '+8610', '+852', '+1', '86', '1', '0', ''), fc.stringMatching(/^[\d -]{0,14}$/)).map(([head, tail]) => head + tail);
    fc.assert(fc.property(nearMiss, (value) => {
      expect(isPhoneNumber(value)).toBe(libraryAnswer(value));
    }), { numRuns: 2_000 });
  });

  it('refuses what is not a phone number', () => {
    expect(isPhoneNumber('+8612')).toBe(false);
    expect(isPhoneNumber('+8613800138a00')).toBe(false);
    expect(isPhoneNumber(`+86${'1'.repeat(40)}`)).toBe(false);
    expect(isPhoneNumber('13800138000')).toBe(true);
  });
});
