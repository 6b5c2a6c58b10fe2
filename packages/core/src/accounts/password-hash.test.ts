import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashOptions, verifyDummyPassword, verifyPassword } from './password-hash.js';

describe('password hashes', () => {
  it('hashes with argon2id at the chosen settings and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(new RegExp(`^\\$argon2id\\$v=19\\$m=${passwordHashOptions.memoryCost},t=${passwordHashOptions.timeCost},p=1\\$`));
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('answers false for a hash it cannot read instead of throwing', async () => {
    expect(await verifyPassword('not a hash', 'whatever1234')).toBe(false);
  });

  it('checks a password against a dummy hash and always refuses', async () => {
    expect(await verifyDummyPassword('anything at all')).toBe(false);
  });
});
