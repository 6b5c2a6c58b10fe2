import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, isEncryptedWithCurrentKey } from './field-cipher.js';
import { KeyRing } from './key-ring.js';

const newSecret = () => randomBytes(32).toString('base64url');
const ring = KeyRing.ephemeral();
const context = 'ws_acme.customer.phone';
const fault = (name: string, message?: string) => expect.objectContaining({ name: 'PersonalDataError', fault: name, ...(message ? { message } : {}) });

// The envelope's payload with one byte changed: iv is bytes 0-11, the tag the last 16, the ciphertext between.
function flipByte(envelope: string, index: (length: number) => number): string {
  const [version, keyId, payload] = envelope.split('.') as [string, string, string];
  const bytes = Buffer.from(payload, 'base64url');
  const at = index(bytes.length);
  bytes[at] = bytes[at]! ^ 0x01;
  return `${version}.${keyId}.${bytes.toString('base64url')}`;
}

describe('encryptValue and decryptValue', () => {
  it.each([
    ['a phone number', '+8613812345678'],
    ['an empty string', ''],
    ['Chinese with an emoji', '张三丰 🐉 北京市朝阳区'],
    ['a long text', 'x'.repeat(100_000)],
  ])('round-trips %s', (_, value) => {
    expect(decryptValue(ring, encryptValue(ring, value, context), context)).toBe(value);
  });

  it('round-trips any well-formed string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme', minLength: 1 }), (value, where) => {
      expect(decryptValue(ring, encryptValue(ring, value, where), where)).toBe(value);
    }), { numRuns: 300 });
  });

  it('writes tse1.<key id>.<base64url of a 12-byte iv, the ciphertext and a 16-byte tag>, a new iv each time (across IV pools)', () => {
    const envelopes = Array.from({ length: 10_000 }, () => encryptValue(ring, '+8613812345678', context));
    for (const envelope of envelopes) {
      expect(envelope).toMatch(new RegExp(`^tse1\\.${ring.currentKeyId}\\.[A-Za-z0-9_-]+$`));
      expect(Buffer.from(envelope.split('.')[2]!, 'base64url').length).toBe(12 + 14 + 16);
    }
    expect(new Set(envelopes.map((envelope) => envelope.slice(14, 30))).size).toBe(10_000);
  });

  it('decrypts a value encrypted independently (known answer from Python\'s cryptography AESGCM)', () => {
    const known = KeyRing.fromSecrets('tessera-known-answer-secret-0123456789abcdef');
    const envelope = 'tse1.4e43458b.AAECAwQFBgcICQoLBxQNUrN6ToCYQ4F7M4pEyHs0aqq39oPF3hK0Fcug';
    expect(decryptValue(known, envelope, 'ws_acme.customer.phone')).toBe('+8613812345678');
  });

  it.each([
    ['the iv', () => 0],
    ['the last iv byte', () => 11],
    ['the ciphertext', () => 12],
    ['the tag', (length: number) => length - 1],
  ])('refuses a value whose %s was altered', (_, index) => {
    const altered = flipByte(encryptValue(ring, '+8613812345678', context), index);
    expect(() => decryptValue(ring, altered, context)).toThrow(fault('not_authentic', `value under key ${ring.currentKeyId} failed authentication: altered, or not encrypted for context ${context}`));
  });

  it('refuses a value with any single bit flipped anywhere', () => {
    const envelope = encryptValue(ring, 'zhang.san@example.com', context);
    const bytes = Buffer.from(envelope.split('.')[2]!, 'base64url');
    fc.assert(fc.property(fc.nat(bytes.length * 8 - 1), (bit) => {
      const altered = Buffer.from(bytes);
      altered[bit >> 3] = altered[bit >> 3]! ^ (1 << (bit & 7));
      expect(() => decryptValue(ring, `tse1.${ring.currentKeyId}.${altered.toString('base64url')}`, context)).toThrow(fault('not_authentic'));
    }), { numRuns: 500 });
  });

  it('refuses a value moved to another field or another workspace', () => {
    const envelope = encryptValue(ring, '+8613812345678', 'ws_acme.customer.phone');
    for (const elsewhere of ['ws_acme.customer.mobile', 'ws_other.customer.phone', 'ws_acme.lead.phone', 'ws_acme.customer.phone ']) {
      expect(() => decryptValue(ring, envelope, elsewhere)).toThrow(fault('not_authentic'));
    }
  });

  it('refuses a value encrypted under a key the ring does not hold, naming the keys it knows', () => {
    const other = KeyRing.ephemeral();
    const envelope = encryptValue(other, '+8613812345678', context);
    expect(() => decryptValue(ring, envelope, context)).toThrow(fault('unknown_key',
      `value encrypted with key ${other.currentKeyId}, which is neither the current key nor a previous one (known: ${ring.currentKeyId}); is a secret missing from TESSERA_PREVIOUS_SECRET_KEYS?`));
  });

  it('refuses a value relabelled with another key id the ring holds', () => {
    const [current, old] = [newSecret(), newSecret()];
    const both = KeyRing.fromSecrets(current, [old]);
    const envelope = encryptValue(both, 'x', context);
    const relabelled = envelope.replace(both.keyIds[0]!, both.keyIds[1]!);
    expect(() => decryptValue(both, relabelled, context)).toThrow(fault('not_authentic'));
  });

  it('decrypts values of the previous key after a rotation, and tells the re-encryption job which values to rewrite', () => {
    const [oldSecret, newSecretValue] = [newSecret(), newSecret()];
    const before = KeyRing.fromSecrets(oldSecret);
    const stored = encryptValue(before, '+8613812345678', context);
    const rotated = KeyRing.fromSecrets(newSecretValue, [oldSecret]);
    expect(decryptValue(rotated, stored, context)).toBe('+8613812345678');
    expect(isEncryptedWithCurrentKey(rotated, stored)).toBe(false);
    const rewritten = encryptValue(rotated, decryptValue(rotated, stored, context), context);
    expect(isEncryptedWithCurrentKey(rotated, rewritten)).toBe(true);
    expect(decryptValue(KeyRing.fromSecrets(newSecretValue), rewritten, context)).toBe('+8613812345678');
    expect(() => decryptValue(KeyRing.fromSecrets(newSecretValue), stored, context)).toThrow(fault('unknown_key'));
  });

  it.each([
    ['plain text', '+8613812345678'],
    ['an empty string', ''],
    ['another version', `tse2.${ring.currentKeyId}.${'A'.repeat(40)}`],
    ['a key id that is not 8 hex digits', `tse1.ABCDEF12.${'A'.repeat(40)}`],
    ['a payload too short for iv and tag', `tse1.${ring.currentKeyId}.${Buffer.alloc(27).toString('base64url')}`],
    ['base64 padding', `tse1.${ring.currentKeyId}.${Buffer.alloc(40).toString('base64')}`],
    ['a non-canonical base64url ending', `tse1.${ring.currentKeyId}.${Buffer.alloc(40).toString('base64url').slice(0, -1)}B`],
    ['an extra part', `tse1.${ring.currentKeyId}.${'A'.repeat(40)}.x`],
  ])('refuses %s as malformed, without quoting it', (_, value) => {
    const malformed = fault('malformed', 'not an encrypted value (expected tse1.<key id>.<base64url of iv | ciphertext | tag>)');
    expect(() => decryptValue(ring, value, context)).toThrow(malformed);
    expect(() => isEncryptedWithCurrentKey(ring, value)).toThrow(malformed);
  });

  it('requires a context and well-formed Unicode', () => {
    expect(() => encryptValue(ring, 'x', '')).toThrow(fault('invalid_argument', 'a context (e.g. <workspace>.<object id>.<field id>) is required'));
    expect(() => decryptValue(ring, encryptValue(ring, 'x', context), '')).toThrow(fault('invalid_argument'));
    expect(() => encryptValue(ring, 'a\uD800b', context)).toThrow(fault('invalid_argument', 'the value holds a lone surrogate (not valid Unicode)'));
    expect(() => encryptValue(ring, 42 as unknown as string, context)).toThrow(fault('invalid_argument', 'expected the value to be a string, got number'));
  });

  it('is not a client-facing TesseraError and never quotes the plaintext', () => {
    const envelope = encryptValue(ring, 'secret-phone-13812345678', context);
    try {
      decryptValue(ring, envelope, 'elsewhere');
      throw new Error('decrypted');
    } catch (error) {
      expect((error as Error).name).toBe('PersonalDataError');
      expect((error as Error).message).not.toContain('13812345678');
      expect(error).not.toHaveProperty('status');
    }
  });
});
