import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyRing } from './key-ring.js';
import { keyRingOptionsFromEnv, loadKeyRing } from './load-key-ring.js';

const newSecret = () => randomBytes(32).toString('base64url');
const idOf = (secret: string) => KeyRing.fromSecrets(secret).currentKeyId;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'tessera-ring-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('keyRingOptionsFromEnv', () => {
  it('reads TESSERA_SECRET_KEY and splits TESSERA_PREVIOUS_SECRET_KEYS on commas, ignoring blanks around them', () => {
    const [current, a, b] = [newSecret(), newSecret(), newSecret()];
    expect(keyRingOptionsFromEnv({ TESSERA_SECRET_KEY: current, TESSERA_PREVIOUS_SECRET_KEYS: ` ${a} ,${b},, ` }, '/data'))
      .toEqual({ secret: current, previous: [a, b], dataDir: '/data' });
    expect(keyRingOptionsFromEnv({})).toEqual({ previous: [] });
    expect(keyRingOptionsFromEnv({ TESSERA_SECRET_KEY: '' })).toEqual({ secret: '', previous: [] });
  });
});

describe('loadKeyRing', () => {
  it('uses TESSERA_SECRET_KEY when set, writing nothing to the data directory', async () => {
    const secret = newSecret();
    const ring = await loadKeyRing({ secret, dataDir });
    expect(ring.keyIds).toEqual([idOf(secret)]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('keeps previous secrets after the current one, for decryption and lookups during a rotation', async () => {
    const [secret, older, oldest] = [newSecret(), newSecret(), newSecret()];
    const ring = await loadKeyRing(keyRingOptionsFromEnv({ TESSERA_SECRET_KEY: secret, TESSERA_PREVIOUS_SECRET_KEYS: `${older},${oldest}` }));
    expect(ring.keyIds).toEqual([idOf(secret), idOf(older), idOf(oldest)]);
  });

  it('generates the secret into the data directory on the first start and reads it back on the next', async () => {
    const first = await loadKeyRing({ dataDir });
    const stored = (await readFile(join(dataDir, 'secret.key'), 'utf8')).trimEnd();
    expect(first.currentKeyId).toBe(idOf(stored));
    expect((await loadKeyRing({ dataDir })).currentKeyId).toBe(first.currentKeyId);
    const older = newSecret();
    expect((await loadKeyRing({ dataDir, previous: [older] })).keyIds).toEqual([first.currentKeyId, idOf(older)]);
  });

  it('gives concurrent first starts on a fresh data directory the same key', async () => {
    const rings = await Promise.all(Array.from({ length: 10 }, () => loadKeyRing({ dataDir })));
    expect(new Set(rings.map((ring) => ring.currentKeyId)).size).toBe(1);
  });

  it('lets TESSERA_SECRET_KEY win over a generated file, whose key is then gone unless listed as previous', async () => {
    const stored = (await loadKeyRing({ dataDir })).currentKeyId;
    const secret = newSecret();
    expect((await loadKeyRing({ secret, dataDir })).keyIds).toEqual([idOf(secret)]);
    const fileSecret = (await readFile(join(dataDir, 'secret.key'), 'utf8')).trimEnd();
    expect((await loadKeyRing({ secret, previous: [fileSecret], dataDir })).keyIds).toEqual([idOf(secret), stored]);
  });

  it('refuses an empty TESSERA_SECRET_KEY rather than falling back to a generated one', async () => {
    await expect(loadKeyRing({ ...keyRingOptionsFromEnv({ TESSERA_SECRET_KEY: '' }), dataDir })).rejects.toMatchObject({
      name: 'PersonalDataError', fault: 'weak_secret', message: 'TESSERA_SECRET_KEY is too short (0 characters; at least 32); generate one with `openssl rand -base64 32`',
    });
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a weak previous secret, naming its place in the list', async () => {
    await expect(loadKeyRing({ secret: newSecret(), previous: [newSecret(), 'tooshort'] })).rejects.toMatchObject({
      fault: 'weak_secret', message: 'TESSERA_PREVIOUS_SECRET_KEYS entry 2 is too short (8 characters; at least 32); generate one with `openssl rand -base64 32`',
    });
  });

  it('refuses to run without a secret or a data directory to keep one in', async () => {
    await expect(loadKeyRing({})).rejects.toMatchObject({
      fault: 'no_secret', message: 'TESSERA_SECRET_KEY is not set and there is no data directory to keep a generated secret in',
    });
  });
});
