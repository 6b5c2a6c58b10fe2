import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { KeyRing } from './key-ring.js';

const newSecret = () => randomBytes(32).toString('base64url');
const keyBytes = (ring: KeyRing) => [ring.current.dataKey, ring.current.indexKey, ring.signingKey('session')].map((key) => key.export());

describe('KeyRing', () => {
  it('derives the same keys from the same secret, computed independently (known answer from Python HKDF)', () => {
    // Computed with Python (hmac + hashlib, RFC 5869 by hand) from the salt and labels of key-ring.ts.
    // Stored values depend on these: a change here makes every encrypted value unreadable.
    const ring = KeyRing.fromSecrets('tessera-known-answer-secret-0123456789abcdef');
    expect(ring.currentKeyId).toBe('4e43458b');
    expect(ring.signingKey('session').export().toString('hex')).toBe('a444d394c7ddb22ae61d9f222f33bdaac5d222e0ba203fb7608a830e174e367d');
  });

  it('names each secret by 8 hex characters, different for different secrets', () => {
    const ids = new Set(Array.from({ length: 200 }, () => KeyRing.fromSecrets(newSecret()).currentKeyId));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
  });

  it('derives separate 32-byte keys for data, blind indexes and each signing purpose', () => {
    const ring = KeyRing.fromSecrets(newSecret());
    const keys = [...keyBytes(ring), ring.signingKey('csrf').export()];
    expect(keys.map((key) => key.length)).toEqual([32, 32, 32, 32]);
    expect(new Set(keys.map((key) => key.toString('hex'))).size).toBe(4);
    expect(ring.current.dataKey.symmetricKeySize).toBe(32);
  });

  it('holds the current key first and previous ones by key id, without duplicates', () => {
    const [current, older, oldest] = [newSecret(), newSecret(), newSecret()];
    const ring = KeyRing.fromSecrets(current, [older, current, oldest, older]);
    const ids = [current, older, oldest].map((secret) => KeyRing.fromSecrets(secret).currentKeyId);
    expect(ring.keyIds).toEqual(ids);
    expect(ring.currentKeyId).toBe(ids[0]);
    expect(ring.find(ids[2]!)?.dataKey.equals(KeyRing.fromSecrets(oldest).current.dataKey)).toBe(true);
    expect(ring.find('00000000')).toBeUndefined();
  });

  it('signs with the current secret only: a rotation changes signing keys', () => {
    const [old, current] = [newSecret(), newSecret()];
    const rotated = KeyRing.fromSecrets(current, [old]);
    expect(rotated.signingKey('session').equals(KeyRing.fromSecrets(current).signingKey('session'))).toBe(true);
    expect(rotated.signingKey('session').equals(KeyRing.fromSecrets(old).signingKey('session'))).toBe(false);
    expect(rotated.signingKey('session')).toBe(rotated.signingKey('session'));
  });

  it.each(['', 'Session', '1st', 'a b', 'x'.repeat(64), 'purpose/../other'])('refuses the signing purpose %j', (purpose) => {
    expect(() => KeyRing.fromSecrets(newSecret()).signingKey(purpose)).toThrow(expect.objectContaining({
      name: 'PersonalDataError', fault: 'invalid_argument', message: 'a signing purpose must match ^[a-z][a-z0-9._:-]{0,62}$',
    }));
  });

  it('refuses weak current and previous secrets, naming which', () => {
    expect(() => KeyRing.fromSecrets('short')).toThrow(expect.objectContaining({ fault: 'weak_secret', message: expect.stringMatching(/^the current secret is too short/) }));
    expect(() => KeyRing.fromSecrets(newSecret(), [newSecret(), 'a'.repeat(40)])).toThrow(expect.objectContaining({
      fault: 'weak_secret', message: expect.stringMatching(/^previous secret 2 uses fewer than 8/),
    }));
  });

  it('refuses two different secrets that share a key id (a pair found by searching 110,000 secrets)', () => {
    const [first, second] = ['key-id-collision-search-0123456789-100025', 'key-id-collision-search-0123456789-109616'];
    expect(KeyRing.fromSecrets(first).currentKeyId).toBe('6f69ba47');
    expect(KeyRing.fromSecrets(second).currentKeyId).toBe('6f69ba47');
    expect(() => KeyRing.fromSecrets(first, [second])).toThrow(expect.objectContaining({
      fault: 'key_id_collision', message: 'two different secrets share the key id 6f69ba47; replace one of them',
    }));
  });

  it('makes a different random ring each time it is asked for an ephemeral one', () => {
    expect(KeyRing.ephemeral().currentKeyId).not.toBe(KeyRing.ephemeral().currentKeyId);
  });

  it('shows key ids, never key material or the secret, when printed or serialised', () => {
    const secret = newSecret();
    const ring = KeyRing.fromSecrets(secret, [newSecret()]);
    const shown = [JSON.stringify(ring), inspect(ring, { showHidden: true, depth: 10 }), String(Object.keys(ring))];
    const hidden = [secret, ...keyBytes(ring).flatMap((key) => [key.toString('hex'), key.toString('base64'), key.toString('base64url')])];
    for (const text of shown) for (const material of hidden) expect(text).not.toContain(material);
    expect(JSON.parse(JSON.stringify(ring))).toEqual({ currentKeyId: ring.currentKeyId, keyIds: ring.keyIds });
    expect(inspect(ring)).toBe(`KeyRing { current: ${ring.keyIds[0]}, keys: [${ring.keyIds.join(', ')}] }`);
  });
});
