import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSecret } from './check-secret.js';
import { readOrCreateSecretFile, secretFileName } from './secret-file.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tessera-secret-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
const fingerprint = (secret: string) => createHash('sha256').update(secret).digest('hex');

describe('readOrCreateSecretFile', () => {
  it('generates a strong secret into <dataDir>/secret.key, mode 0600, and reads the same one on later starts', async () => {
    const secret = await readOrCreateSecretFile(root);
    const path = join(root, secretFileName);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => checkSecret(secret, 'generated')).not.toThrow();
    expect(await readFile(path, 'utf8')).toBe(`${secret}\n`);
    expect(await modeOf(path)).toBe(0o600);
    expect(await readOrCreateSecretFile(root)).toBe(secret);
    expect(await readdir(root)).toEqual([secretFileName]);
  });

  it('creates a missing data directory, private to its owner', async () => {
    const dataDir = join(root, 'a', 'b');
    await readOrCreateSecretFile(dataDir);
    expect(await modeOf(dataDir)).toBe(0o700);
    expect(await modeOf(join(dataDir, secretFileName))).toBe(0o600);
  });

  it('makes the file exactly 0600 whatever the umask', async () => {
    for (const mask of [0o000, 0o022, 0o277]) {
      const previous = process.umask(mask);
      try {
        const dataDir = join(root, `umask-${mask.toString(8)}`);
        await readOrCreateSecretFile(dataDir);
        expect(await modeOf(join(dataDir, secretFileName))).toBe(0o600);
      } finally {
        process.umask(previous);
      }
    }
  });

  it('gives every one of 20 concurrent callers on a fresh directory the same secret, leaving no temporary file', async () => {
    const secrets = await Promise.all(Array.from({ length: 20 }, () => readOrCreateSecretFile(root)));
    expect(new Set(secrets).size).toBe(1);
    expect(await readFile(join(root, secretFileName), 'utf8')).toBe(`${secrets[0]}\n`);
    expect(await readdir(root)).toEqual([secretFileName]);
  });

  it('gives 6 processes started together on a fresh directory the same secret', async () => {
    const moduleUrl = new URL('./secret-file.ts', import.meta.url).href;
    // Each child waits for the same instant, so their first reads, writes and links overlap.
    const script = `
      const { readOrCreateSecretFile } = await import(process.argv[1]);
      const { createHash } = await import('node:crypto');
      while (Date.now() < Number(process.argv[3]));
      const secret = await readOrCreateSecretFile(process.argv[2]);
      process.stdout.write(createHash('sha256').update(secret).digest('hex'));`;
    const startAt = String(Date.now() + 4000);
    const run = promisify(execFile);
    const cwd = fileURLToPath(new URL('../../../..', import.meta.url));
    const outputs = await Promise.all(Array.from({ length: 6 }, () =>
      run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, moduleUrl, root, startAt], { cwd })));
    const fingerprints = outputs.map(({ stdout }) => stdout);
    const stored = (await readFile(join(root, secretFileName), 'utf8')).trimEnd();
    expect(fingerprints).toEqual(Array(6).fill(fingerprint(stored)));
    expect(await readdir(root)).toEqual([secretFileName]);
  });

  it('reads a file written by hand, with a CRLF ending', async () => {
    await writeFile(join(root, secretFileName), 'k7Qp2XvB9mZr4TcW8yHn3JdL6sFg1A0e\r\n', { mode: 0o600 });
    expect(await readOrCreateSecretFile(root)).toBe('k7Qp2XvB9mZr4TcW8yHn3JdL6sFg1A0e');
  });

  it('refuses a secret file other users can read, saying how to fix it', async () => {
    const path = join(root, secretFileName);
    await writeFile(path, 'k7Qp2XvB9mZr4TcW8yHn3JdL6sFg1A0e\n');
    await chmod(path, 0o644);
    await expect(readOrCreateSecretFile(root)).rejects.toMatchObject({
      name: 'PersonalDataError', fault: 'secret_file', message: `${path} can be read by other users (mode 644); run \`chmod 600 ${path}\``,
    });
  });

  it.each([
    ['empty', '', 'is too short (0 characters; at least 32)'],
    ['weak', 'password\n', 'is too short (8 characters; at least 32)'],
  ])('refuses an %s secret file, naming it', async (_, content, problem) => {
    const path = join(root, secretFileName);
    await writeFile(path, content, { mode: 0o600 });
    await expect(readOrCreateSecretFile(root)).rejects.toMatchObject({
      fault: 'weak_secret', message: `${path} ${problem}; generate one with \`openssl rand -base64 32\``,
    });
  });

  it('reports a data directory that is not a directory', async () => {
    const notADirectory = join(root, 'file');
    await writeFile(notADirectory, 'x');
    await expect(readOrCreateSecretFile(notADirectory)).rejects.toMatchObject({
      fault: 'secret_file', message: `cannot open ${join(notADirectory, secretFileName)} (ENOTDIR)`,
    });
  });
});
