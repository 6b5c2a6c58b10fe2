/**
 * Writes the Excel fixture made by another program than the one the importer reads with:
 * a seeded messy list (packages/core/test/messy-customers.ts, seed and size below) as UTF-8 CSV,
 * converted to XLSX by LibreOffice Calc (Debian's libreoffice-calc-nogui), which types cells as
 * it sees fit (numbers, dates, booleans). The result is committed; run this to make it again:
 *   pnpm tsx packages/core/scripts/libreoffice-fixture.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { messyCsv, messyCustomers } from '../test/messy-customers.js';

/** The seed and size of the list in the fixture (the test builds the same list to know the answers). */
export const libreOfficeFixture = { seed: 8_080, people: 120, path: fileURLToPath(new URL('../test/fixtures/messy-customers.libreoffice.xlsx', import.meta.url)) };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = mkdtempSync(join(tmpdir(), 'tessera-libreoffice-'));
  try {
    const csv = join(folder, 'messy-customers.csv');
    writeFileSync(csv, messyCsv(messyCustomers(libreOfficeFixture.seed, libreOfficeFixture.people), 'utf-8'));
    // CSV filter options: comma (44), double quote (34), UTF-8 (76), from row 1.
    execFileSync('soffice', ['--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', folder, csv], { stdio: 'inherit', env: { ...process.env, HOME: folder } });
    renameSync(join(folder, 'messy-customers.xlsx'), libreOfficeFixture.path);
    process.stdout.write(`wrote ${libreOfficeFixture.path}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
