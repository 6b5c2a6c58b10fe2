import { spawn } from 'node:child_process';
import { Tessera } from '../src/index.js';
import { importBlueprint } from '../test/messy-customers.js';
import { cleanColumns, writeCleanFile } from '../../../bench/import-files.js';
import { freshDatabase } from '../../../bench/report.js';

const rows = Number(process.argv[2] ?? 200_000);
const url = await freshDatabase('tessera_prof');
const tessera = await Tessera.open({ databaseUrl: url });
await tessera.createWorkspace('valid', importBlueprint(), 'bench');
await tessera.close();
const path = '/tmp/prof/clean.csv';
await writeCleanFile(path, rows);
const mapping = { fields: Object.fromEntries(cleanColumns.map((column) => [column, { from: column }])), clean: { phones: false, emails: false, text: false, addresses: false }, match: { action: 'create' } };
const child = spawn(process.execPath, ['--no-node-snapshot', '--cpu-prof', '--cpu-prof-dir', '/tmp/prof', '--import', 'tsx', 'bench/import-child.ts', JSON.stringify({ databaseUrl: url, workspace: 'valid', path, mapping })], { cwd: '/work/main', stdio: 'inherit' });
await new Promise((resolve) => child.on('exit', resolve));
