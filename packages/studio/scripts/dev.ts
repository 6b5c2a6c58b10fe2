/**
 * `pnpm dev`: the API server (port 3000, `tessera start`) and Vite with hot reload (port 5173,
 * /api and /docs proxied to the server) side by side; Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const children: ChildProcess[] = [];

function run(name: string, command: string, args: string[]): void {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code) => {
    process.stderr.write(`${name} stopped (${code ?? 'signal'}); stopping the rest\n`);
    stopAll(code ?? 1);
  });
  children.push(child);
}

function stopAll(code: number): void {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}

run('server', 'pnpm', ['tessera', 'start']);
run('vite', 'pnpm', ['--filter', '@tessera/studio', 'dev']);
process.once('SIGINT', () => stopAll(0));
process.once('SIGTERM', () => stopAll(0));
