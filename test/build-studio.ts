import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const studioRoot = fileURLToPath(new URL('../packages/studio/', import.meta.url));

/**
 * Builds the studio from its current sources into a fresh temporary directory and returns it: the
 * browser's bundle, and the server's first-paint renderer in .server/ (as `pnpm build` does).
 */
export async function buildStudio(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'tessera-studio-'));
  const vite = join(studioRoot, 'node_modules/vite/bin/vite.js');
  const build = (args: string[]) => promisify(execFile)(process.execPath, [vite, 'build', ...args, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: studioRoot,
    // The production bundle users get (vitest sets NODE_ENV=test, which makes antd number every id `test-id`).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  await build(['--outDir', outDir]);
  await build(['--ssr', 'src/first-paint/render-first-paint.tsx', '--outDir', join(outDir, '.server')]);
  return outDir;
}
