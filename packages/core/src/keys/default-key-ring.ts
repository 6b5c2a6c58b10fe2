import { KeyRing, keyRingOptionsFromEnv, loadKeyRing } from '../personal/index.js';

/** Where a Tessera keeps its data, as far as its key ring cares. */
export interface KeyRingPlace {
  databaseUrl?: string;
  /** PGlite's data directory. */
  dataDir?: string;
  /** Where a generated `secret.key` lives when TESSERA_SECRET_KEY is unset. */
  keyDir?: string;
}

/**
 * The key ring a Tessera opens with when it is given none: TESSERA_SECRET_KEY (and
 * TESSERA_PREVIOUS_SECRET_KEYS) when set; otherwise `secret.key` in `keyDir`, else in PGlite's
 * data directory, else — a PostgreSQL server — in TESSERA_DATA_DIR or ./.tessera (generated on
 * the first start). Only an in-memory PGlite without TESSERA_SECRET_KEY gets a ring that dies with
 * the process, as its data does.
 */
export function defaultKeyRing(place: KeyRingPlace, env: Readonly<Record<string, string | undefined>> = process.env): Promise<KeyRing> {
  const keyDir = place.keyDir ?? place.dataDir ?? (place.databaseUrl ? env.TESSERA_DATA_DIR ?? './.tessera' : undefined);
  if (env.TESSERA_SECRET_KEY === undefined && keyDir === undefined) return Promise.resolve(KeyRing.ephemeral());
  return loadKeyRing(keyRingOptionsFromEnv(env, keyDir));
}
