/**
 * Writes a seeded messy customer list (packages/core/test/messy-customers.ts) as a file, to try
 * the importer by hand or to benchmark it:
 *   pnpm tsx packages/core/scripts/messy-customers-file.ts <out.csv|out.xlsx> [people] [seed] [--gbk]
 * CSV is UTF-8 with a BOM unless --gbk; XLSX is written by exceljs.
 */
import { createWriteStream } from 'node:fs';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { messyCustomers } from '../test/messy-customers.js';

const [out, people = '1000', seed = '1', ...flags] = process.argv.slice(2);
if (!out) throw new Error('usage: messy-customers-file.ts <out.csv|out.xlsx> [people] [seed] [--gbk]');
const messy = messyCustomers(Number(seed), Number(people));
if (out.endsWith('.xlsx')) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: false });
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(messy.headers).commit();
  for (const row of messy.rows) sheet.addRow(row).commit();
  await workbook.commit();
} else {
  const file = createWriteStream(out);
  const gbk = flags.includes('--gbk');
  if (!gbk) file.write('\ufeff');
  const csv = stringify({ record_delimiter: 'windows' });
  csv.setEncoding('utf8');
  (gbk ? csv.pipe(iconv.encodeStream('gbk')) : csv).pipe(file);
  csv.write(messy.headers);
  for (const row of messy.rows) csv.write(row);
  csv.end();
  await new Promise<void>((done) => file.on('finish', () => done()));
}
process.stdout.write(`${JSON.stringify({ file: out, rows: messy.rows.length, expected: messy.counts })}\n`);
