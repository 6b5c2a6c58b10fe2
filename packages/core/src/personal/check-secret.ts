import { PersonalDataError } from './personal-data-error.js';

/** Fewest characters a secret may have: 32 characters of random text carry at least 128 bits. */
export const minimumSecretLength = 32;

const minimumDistinctCharacters = 8;

// Each rule: the test a weak secret fails, and what to tell the operator.
const rules: ReadonlyArray<readonly [(secret: string, characters: string[]) => boolean, (characters: string[]) => string]> = [
  [(_, characters) => characters.length < minimumSecretLength, (characters) => `is too short (${characters.length} characters; at least ${minimumSecretLength})`],
  [(secret) => secret.trim() !== secret, () => 'starts or ends with whitespace (remove it: it would silently change the key wherever it gets trimmed)'],
  [(secret) => secret.includes(','), () => 'contains a comma (it could not be listed in TESSERA_PREVIOUS_SECRET_KEYS after a rotation)'],
  [(_, characters) => new Set(characters).size < minimumDistinctCharacters, () => `uses fewer than ${minimumDistinctCharacters} different characters`],
  // A string repeats a shorter one exactly when it occurs in itself doubled before its own length.
  [(secret) => (secret + secret).indexOf(secret, 1) < secret.length, () => 'is one short sequence repeated'],
];

/**
 * Throws `weak_secret` unless `secret` is fit to derive keys from. A secret is taken as text (its
 * UTF-8 bytes feed HKDF), never decoded: `openssl rand -base64 32` and `openssl rand -hex 32` both
 * qualify as they are, and one value cannot mean two keys depending on a guessed encoding.
 * These checks catch placeholders and typos (short, repeated, few characters); they cannot judge a
 * phrase a person made up, hence the advice to generate it. `source` names where the secret came
 * from; the secret itself never appears in the message.
 */
export function checkSecret(secret: string, source: string): void {
  const characters = Array.from(secret);
  for (const [fails, problem] of rules) {
    if (fails(secret, characters)) {
      throw new PersonalDataError('weak_secret', `${source} ${problem(characters)}; generate one with \`openssl rand -base64 32\``);
    }
  }
}
