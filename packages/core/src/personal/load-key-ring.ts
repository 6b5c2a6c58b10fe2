import { checkSecret } from './check-secret.js';
import { KeyRing } from './key-ring.js';
import { PersonalDataError } from './personal-data-error.js';
import { readOrCreateSecretFile } from './secret-file.js';

/** Where the secrets come from: the environment's values, or a data directory to keep a generated one in. */
export interface KeyRingOptions {
  /** TESSERA_SECRET_KEY: when set (even to ""), it is the current secret and must be strong. */
  secret?: string;
  /** TESSERA_PREVIOUS_SECRET_KEYS, split: secrets of earlier rotations, still able to decrypt. */
  previous?: string[];
  /** The data directory: `secret.key` there is the current secret when `secret` is not set. */
  dataDir?: string;
}

/** KeyRingOptions from the environment (TESSERA_SECRET_KEY, TESSERA_PREVIOUS_SECRET_KEYS comma-separated) and a data directory. */
export function keyRingOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, dataDir?: string): KeyRingOptions {
  const previous = (env.TESSERA_PREVIOUS_SECRET_KEYS ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  return {
    ...(env.TESSERA_SECRET_KEY !== undefined ? { secret: env.TESSERA_SECRET_KEY } : {}),
    previous,
    ...(dataDir !== undefined ? { dataDir } : {}),
  };
}

/**
 * The deployment's key ring. The current secret is `secret` when given; otherwise the one in
 * `<dataDir>/secret.key`, generated on the first start. An empty `secret` is an error, not
 * "absent": a blanked variable must not silently switch a deployment to a new key.
 * With neither, it throws `no_secret` (use KeyRing.ephemeral() where data dies with the process).
 */
export async function loadKeyRing(options: KeyRingOptions): Promise<KeyRing> {
  const previous = options.previous ?? [];
  previous.forEach((secret, index) => checkSecret(secret, `TESSERA_PREVIOUS_SECRET_KEYS entry ${index + 1}`));
  if (options.secret !== undefined) {
    checkSecret(options.secret, 'TESSERA_SECRET_KEY');
    return KeyRing.fromSecrets(options.secret, previous);
  }
  if (options.dataDir === undefined) {
    throw new PersonalDataError('no_secret', 'TESSERA_SECRET_KEY is not set and there is no data directory to keep a generated secret in');
  }
  return KeyRing.fromSecrets(await readOrCreateSecretFile(options.dataDir), previous);
}
