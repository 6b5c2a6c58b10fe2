import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import { checkSecret } from './check-secret.js';
import { PersonalDataError } from './personal-data-error.js';

/** The keys derived from one secret, named by its key id. */
export interface DerivedKeys {
  /** 8 lower-case hex characters that name the secret in envelopes. */
  readonly keyId: string;
  /** AES-256-GCM key of field values. */
  readonly dataKey: KeyObject;
  /** HMAC-SHA256 key of blind indexes. */
  readonly indexKey: KeyObject;
}

// HKDF: a fixed public salt for the extract step, and one `info` label per use, so no two uses
// ever share a key. The key id has its own label too: it is as one-way as the keys themselves and
// publishing it (it is in every envelope) tells nothing about them or about the secret.
const salt = Buffer.from('tessera key ring v1', 'utf8');
const labels = {
  dataKey: 'tessera/personal/data-key/v1',
  indexKey: 'tessera/personal/blind-index-key/v1',
  keyId: 'tessera/personal/key-id/v1',
  signing: 'tessera/signing/v1/',
} as const;
const signingPurpose = /^[a-z][a-z0-9._:-]{0,62}$/;

function derive(secret: Buffer, info: string, length: number): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, info, length));
}

function deriveKeys(secret: Buffer): DerivedKeys {
  return {
    keyId: derive(secret, labels.keyId, 4).toString('hex'),
    dataKey: createSecretKey(derive(secret, labels.dataKey, 32)),
    indexKey: createSecretKey(derive(secret, labels.indexKey, 32)),
  };
}

/**
 * The secrets of this deployment turned into keys: the current one, which encrypts, indexes and
 * signs, and previous ones, which still decrypt and find values written before a rotation.
 * Key material stays in private fields; printing or serialising a ring shows only key ids.
 */
export class KeyRing {
  readonly #secret: Buffer;
  readonly #all: readonly DerivedKeys[];
  readonly #byId: ReadonlyMap<string, DerivedKeys>;
  readonly #signing = new Map<string, KeyObject>();

  private constructor(secret: Buffer, all: DerivedKeys[]) {
    this.#secret = secret;
    this.#all = all;
    this.#byId = new Map(all.map((keys) => [keys.keyId, keys]));
  }

  /** A ring from the current secret and the previous ones (oldest last); each must pass checkSecret. */
  static fromSecrets(current: string, previous: readonly string[] = []): KeyRing {
    checkSecret(current, 'the current secret');
    previous.forEach((secret, index) => checkSecret(secret, `previous secret ${index + 1}`));
    const currentBytes = Buffer.from(current, 'utf8');
    const all: DerivedKeys[] = [];
    for (const secret of [current, ...previous]) {
      const keys = deriveKeys(Buffer.from(secret, 'utf8'));
      const known = all.find((other) => other.keyId === keys.keyId);
      if (!known) all.push(keys);
      else if (!known.dataKey.equals(keys.dataKey)) {
        throw new PersonalDataError('key_id_collision', `two different secrets share the key id ${keys.keyId}; replace one of them`);
      }
    }
    return new KeyRing(currentBytes, all);
  }

  /** A ring with a random secret that lives as long as the process: tests and in-memory databases. */
  static ephemeral(): KeyRing {
    return KeyRing.fromSecrets(randomBytes(32).toString('base64url'));
  }

  /** The keys that encrypt and index new values. */
  get current(): DerivedKeys {
    return this.#all[0]!;
  }

  /** The current key id. */
  get currentKeyId(): string {
    return this.current.keyId;
  }

  /** Every key, the current one first: blind-index lookups during a rotation try them all. */
  get all(): readonly DerivedKeys[] {
    return this.#all;
  }

  /** Every key id, the current one first. */
  get keyIds(): string[] {
    return this.#all.map((keys) => keys.keyId);
  }

  /** The keys named by an envelope's key id, current or previous; undefined when unknown. */
  find(keyId: string): DerivedKeys | undefined {
    return this.#byId.get(keyId);
  }

  /**
   * An HMAC-SHA256 key (32 bytes) for one purpose (`session`, `csrf`, `webhook:out`…), derived from
   * the current secret with the purpose as HKDF info, so a key of one purpose never verifies another.
   * `.export()` gives its bytes to libraries that want a Buffer.
   */
  signingKey(purpose: string): KeyObject {
    if (!signingPurpose.test(purpose)) {
      throw new PersonalDataError('invalid_argument', `a signing purpose must match ${signingPurpose.source}`);
    }
    let key = this.#signing.get(purpose);
    if (!key) {
      key = createSecretKey(derive(this.#secret, labels.signing + purpose, 32));
      this.#signing.set(purpose, key);
    }
    return key;
  }

  /** What JSON.stringify shows: key ids only. */
  toJSON(): { currentKeyId: string; keyIds: string[] } {
    return { currentKeyId: this.currentKeyId, keyIds: this.keyIds };
  }

  /** What console.log and util.inspect show: key ids only. */
  [inspect.custom](): string {
    return `KeyRing { current: ${this.currentKeyId}, keys: [${this.keyIds.join(', ')}] }`;
  }
}
