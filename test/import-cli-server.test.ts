import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkWrite } from '../packages/core/src/index.js';
import { importBlueprint, messyCsv, messyCustomers } from '../packages/core/test/messy-customers.js';
import { startApiHarness, type ApiHarness } from './api-harness.js';

const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));
const messy = messyCustomers(31_337, 400);
const folder = mkdtempSync(join(tmpdir(), 'tessera-import-remote-'));
const file = join(folder, '客户.csv');
let harness: ApiHarness;

/** Runs `tessera import … --server` in its own process; the server is this test's, the engine there does the work. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', 'packages/server/src/cli/main.ts', 'import', file, '-o', 'customers', '-w', 'remote', '--server', harness.url, '-y', ...args], {
    cwd: repositoryRoot, env: { ...process.env as Record<string, string>, TESSERA_DATA_DIR: folder, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

const apiKey = () => harness.authorization.replace(/^Bearer /, '');

beforeAll(async () => {
  writeFileSync(file, messyCsv(messy, 'gbk'));
  harness = await startApiHarness();
  await harness.tessera.createWorkspace('remote', importBlueprint(), 'tester');
  await bulkWrite(await harness.tessera.system('remote', 'tester'), 'customers', 'create', messy.existing);
});
afterAll(async () => {
  await harness?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('tessera import --server', () => {
  it('uploads, imports through the server\'s worker with progress, and writes the error file', async () => {
    const run = await cli(['--api-key', apiKey()]);
    expect(run.stderr).toContain('上传 / uploading 100%');
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout) as { status: string; counts: Record<string, number>; id: string };
    expect(summary).toMatchObject({ status: 'done', counts: { ...messy.counts, updated: 0, skipped: 0, review: 0 } });
    expect((await harness.request('GET', `/api/w/remote/imports/${summary.id}`)).body.data.counts).toEqual(summary.counts);
    const served = await fetch(`${harness.url}/api/w/remote/imports/${summary.id}/errors.csv`, { headers: { authorization: harness.authorization } });
    const errors = readFileSync(`${file}.errors.csv`, 'utf8');
    expect(readFileSync(`${file}.errors.csv`).equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    for (const row of messy.rejected.keys()) expect(errors).toContain(`,${row}\n`);
  });

  it('takes a mapping template saved in the workspace by name, and names those there are when it is unknown', async () => {
    const preview = await harness.request('PUT', '/api/w/remote/imports/templates', {
      object: 'customers', name: '门店会员', mapping: { fields: { name: { from: '客户名称' }, phone: { from: '手机号' } }, match: { on: [['phone']], action: 'skip' } },
    });
    expect(preview.status).toBe(200);
    const run = await cli(['-t', '门店会员'], { TESSERA_API_KEY: apiKey() });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('手机号 → phone');
    expect(run.stderr).not.toContain('邮箱 → email');
    const summary = JSON.parse(run.stdout) as { counts: Record<'read' | 'created' | 'skipped' | 'rejected' | 'merged', number>; mapping: { match: { action: string } } };
    expect(summary.mapping.match.action).toBe('skip');
    // Every row whose phone is stored now is skipped; only rows the first run rejected for another field are new.
    const { read, created, skipped, rejected, merged } = summary.counts;
    expect(merged).toBe(0);
    expect(created).toBeLessThan(messy.counts.rejected);
    expect(created + skipped + rejected).toBe(read);
    const unknown = await cli(['-t', '没有这个'], { TESSERA_API_KEY: apiKey() });
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no mapping template named "没有这个"; there are: 门店会员');
  });

  it('refuses a missing or wrong API key with a clear error and imports nothing', async () => {
    const before = (await harness.request('GET', '/api/w/remote/imports')).body.data.length as number;
    const missing = await cli([]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--server needs an API key');
    const wrong = await cli(['--api-key', 'tsk_wrong']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toMatch(/401 UNAUTHENTICATED/);
    expect((await harness.request('GET', '/api/w/remote/imports')).body.data).toHaveLength(before);
    expect(existsSync(join(folder, 'pgdata'))).toBe(false);
  });
});
