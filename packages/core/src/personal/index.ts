/**
 * Personal data: the key ring from TESSERA_SECRET_KEY, field encryption (AES-256-GCM envelopes
 * bound to their field), blind indexes for exact lookups of encrypted values, and masks.
 * See README.md for the formats, the rotation procedure and what callers must do.
 */
export { PersonalDataError, type PersonalDataFault } from './personal-data-error.js';
export { checkSecret, minimumSecretLength } from './check-secret.js';
export { KeyRing, type DerivedKeys } from './key-ring.js';
export { loadKeyRing, keyRingOptionsFromEnv, type KeyRingOptions } from './load-key-ring.js';
export { secretFileName } from './secret-file.js';
export { encryptValue, decryptValue, isEncryptedWithCurrentKey } from './field-cipher.js';
export { blindIndex, blindIndexesForLookup } from './blind-index.js';
export { normaliseForIndex } from './normalise-personal.js';
export { maskValue } from './mask-value.js';
