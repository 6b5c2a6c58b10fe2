import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

// Algorithm.Argon2id is 2; the package declares it as a const enum, which verbatimModuleSyntax cannot read.
const argon2id = 2 as Algorithm;

/**
 * argon2id with 64 MiB and 2 passes, one lane. Measured on the 2-core development machine
 * (AMD EPYC, Node 20): about 40 ms per hash or verify (19 MiB × 2, the library's default, took
 * 12 ms; 46 MiB × 2 took 30 ms). 30–60 ms keeps a sign-in quick for a person while costing a
 * guesser 64 MiB and 40 ms per try; memory, not passes, is what GPUs pay for, so memory was raised
 * first. Stored hashes carry their own parameters: raising these later still verifies old ones.
 */
export const passwordHashOptions: Options = { algorithm: argon2id, memoryCost: 65_536, timeCost: 2, parallelism: 1 };

/** Hashes a password (PHC string: `$argon2id$v=19$m=65536,t=2,p=1$…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashOptions);
}

/** True when the password matches the hash; false too for a hash that cannot be read. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a hash of a random secret with the same settings and answers false: an unknown
 * email costs what a wrong password costs, so timing does not tell who has an account.
 */
export async function verifyDummyPassword(password: string): Promise<false> {
  dummy ??= hashPassword(randomBytes(32).toString('base64url'));
  await verifyPassword(await dummy, password);
  return false;
}
