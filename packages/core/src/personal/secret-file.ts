import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { checkSecret } from './check-secret.js';
import { PersonalDataError } from './personal-data-error.js';

/** Name of the file in the data directory that keeps the generated secret. */
export const secretFileName = 'secret.key';

const posix = process.platform !== 'win32';

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function fileFault(path: string, doing: string, error: unknown): PersonalDataError {
  return new PersonalDataError('secret_file', `cannot ${doing} ${path} (${errorCode(error) ?? String(error)})`, { cause: error });
}

// Like ssh with a private key, refuse a secret others can read rather than use it: it may already
// have leaked, and the operator should know.
async function readSecretFile(path: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw fileFault(path, 'open', error);
  }
  try {
    const { mode } = await handle.stat();
    if (posix && (mode & 0o077) !== 0) {
      throw new PersonalDataError('secret_file', `${path} can be read by other users (mode ${(mode & 0o777).toString(8)}); run \`chmod 600 ${path}\``);
    }
    const secret = (await handle.readFile('utf8')).replace(/\r?\n$/, '');
    checkSecret(secret, path);
    return secret;
  } finally {
    await handle.close();
  }
}

// The directory entry of the new file must be durable before any value is encrypted with its
// secret. Windows cannot open a directory to flush it.
async function syncDirectory(directory: string): Promise<void> {
  if (!posix) return;
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeTemporary(path: string, secret: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    // The umask may only remove bits from 0600, but a umask that removes the owner's would leave a file we cannot read back.
    await handle.chmod(0o600);
    await handle.writeFile(`${secret}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The secret kept in `<dataDir>/secret.key`, generated (32 random bytes, base64url) on first use.
 * Processes starting together agree on one secret: each writes a complete temporary file and
 * hard-links it into place; link(2), unlike rename(2), refuses to replace an existing file, so the
 * first link wins and every other process reads the winner's file. The file is mode 0600 and the
 * directory, when this creates it, 0700.
 */
export async function readOrCreateSecretFile(dataDir: string): Promise<string> {
  const path = join(dataDir, secretFileName);
  const existing = await readSecretFile(path);
  if (existing !== undefined) return existing;
  const temporary = join(dataDir, `.${secretFileName}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeTemporary(temporary, randomBytes(32).toString('base64url'));
    await link(temporary, path);
    await syncDirectory(dataDir);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST') throw fileFault(path, 'create', error);
  } finally {
    await rm(temporary, { force: true });
  }
  const stored = await readSecretFile(path);
  if (stored === undefined) throw new PersonalDataError('secret_file', `${path} disappeared right after it was created`);
  return stored;
}
