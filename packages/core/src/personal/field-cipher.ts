import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { checkContext, checkValue } from './check-input.js';
import type { KeyRing } from './key-ring.js';
import { PersonalDataError } from './personal-data-error.js';

const version = 'tse1';
const ivLength = 12;
const tagLength = 16;
const envelopePattern = /^tse1\.([0-9a-f]{8})\.([A-Za-z0-9_-]+)$/;

// IVs are drawn from a pool of random bytes filled 4,096 IVs at a time: one randomBytes call per
// value cost about 2.5 µs, a third of an encryption. Bytes from the CSPRNG are as random in bulk as
// one by one; each IV is a fresh slice and a used pool is replaced, never refilled in place, so no
// IV is handed out twice.
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + ivLength > ivPool.length) {
    ivPool = randomBytes(ivLength * 4096);
    ivOffset = 0;
  }
  ivOffset += ivLength;
  return ivPool.subarray(ivOffset - ivLength, ivOffset);
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

// The context, the format version and the key id are authenticated with the value: a ciphertext
// copied to another field or workspace, or relabelled, fails to decrypt.
function additionalData(keyId: string, context: string): Buffer {
  return Buffer.from(`${version}.${keyId}.${context}`, 'utf8');
}

// Messages never quote the value: a malformed one may be plaintext personal data.
function parseEnvelope(envelope: string): Envelope {
  const match = typeof envelope === 'string' ? envelopePattern.exec(envelope) : null;
  const bytes = match ? Buffer.from(match[2]!, 'base64url') : Buffer.alloc(0);
  // Only the canonical encoding: one envelope, one spelling.
  if (!match || bytes.length < ivLength + tagLength || bytes.toString('base64url') !== match[2]) {
    throw new PersonalDataError('malformed', `not an encrypted value (expected ${version}.<key id>.<base64url of iv | ciphertext | tag>)`);
  }
  return {
    keyId: match[1]!,
    iv: bytes.subarray(0, ivLength),
    ciphertext: bytes.subarray(ivLength, bytes.length - tagLength),
    tag: bytes.subarray(bytes.length - tagLength),
  };
}

/**
 * Encrypts one field value with the current key (AES-256-GCM, a random 96-bit IV per value)
 * into `tse1.<keyId>.<base64url(iv | ciphertext | tag)>`. `context` names where the value lives
 * (`<workspace>.<object id>.<field id>`, stable ids, not names) and must be given again to decrypt.
 */
export function encryptValue(ring: KeyRing, plaintext: string, context: string): string {
  checkValue(plaintext);
  checkContext(context);
  const { keyId, dataKey } = ring.current;
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: tagLength });
  cipher.setAAD(additionalData(keyId, context));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${version}.${keyId}.${Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url')}`;
}

/**
 * The plaintext of an envelope, decrypted with the key its id names (current or previous).
 * Throws PersonalDataError: `malformed`, `unknown_key`, or `not_authentic` when the envelope was
 * altered or `context` is not the one it was encrypted under (GCM cannot tell those apart).
 */
export function decryptValue(ring: KeyRing, envelope: string, context: string): string {
  checkContext(context);
  const { keyId, iv, ciphertext, tag } = parseEnvelope(envelope);
  const keys = ring.find(keyId);
  if (!keys) {
    throw new PersonalDataError('unknown_key', `value encrypted with key ${keyId}, which is neither the current key nor a previous one (known: ${ring.keyIds.join(', ')}); is a secret missing from TESSERA_PREVIOUS_SECRET_KEYS?`);
  }
  const decipher = createDecipheriv('aes-256-gcm', keys.dataKey, iv, { authTagLength: tagLength });
  decipher.setAAD(additionalData(keyId, context));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new PersonalDataError('not_authentic', `value under key ${keyId} failed authentication: altered, or not encrypted for context ${context}`, { cause: error });
  }
}

/** True when the envelope is under the current key: the re-encryption job skips it. Throws `malformed` for anything else than an envelope. */
export function isEncryptedWithCurrentKey(ring: KeyRing, envelope: string): boolean {
  return parseEnvelope(envelope).keyId === ring.currentKeyId;
}
