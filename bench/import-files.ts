/**
 * The files the import benchmark reads, written once per run into a temporary folder:
 * - clean.csv: canonical customers (E.164 phones, ISO dates, plain numbers), one per phone, for the
 *   validation-only import and for COPY, the reference;
 * - messy.csv: the seeded messy list of the tests (packages/core/test/messy-customers.ts) with
 *   duplicates, broken rows and people already stored (`existing`, inserted before its import).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { CITIES, Random, homeAddress, personName } from '../templates/shared/index.js';
import { messyCustomers, type CanonicalCustomer } from '../packages/core/test/messy-customers.js';

/** Columns of clean.csv, named as the fields they fill. */
export const cleanColumns = ['name', 'phone', 'email', 'gender', 'birthday', 'province', 'city', 'district', 'address', 'points_balance', 'vip', 'notes'];

const quote = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const file = createWriteStream(path);
  for (const line of lines) if (!file.write(line)) await once(file, 'drain');
  file.end();
  await once(file, 'finish');
}

function* cleanLines(count: number, seed: number): Generator<string> {
  const random = new Random(seed);
  yield `${cleanColumns.join(',')}\n`;
  for (let index = 0; index < count; index += 1) {
    const gender = random.chance(0.5) ? 'male' : 'female';
    const city = CITIES.pick(random);
    const month = String(random.int(1, 12)).padStart(2, '0');
    yield `${[
      personName(random, gender).name, `+86139${String(index).padStart(8, '0')}`, `c${index}@example.com`, gender, `${random.int(1960, 2004)}-${month}-1${random.int(0, 9)}`,
      city.province, city.name, random.pick(city.districts), quote(homeAddress(random)), String(random.int(0, 20_000)), random.chance(0.3) ? 'true' : 'false', '',
    ].join(',')}\n`;
  }
}

/** Writes `count` clean customers (phones +86139…, unique by row number). */
export function writeCleanFile(path: string, count: number, seed = 1): Promise<void> {
  return writeLines(path, cleanLines(count, seed));
}

/** Writes the messy list of `people` people; answers who is stored before its import and what the import must count. */
export async function writeMessyFile(path: string, people: number, seed: number, existingShare: number): Promise<{ existing: CanonicalCustomer[]; counts: Record<string, number> }> {
  const messy = messyCustomers(seed, people, { duplicate: 0.15, existing: existingShare, invalid: 0.02 });
  await writeLines(path, (function* () {
    yield '\ufeff';
    for (const row of [messy.headers, ...messy.rows]) yield `${row.map(quote).join(',')}\r\n`;
  })());
  return { existing: messy.existing, counts: messy.counts };
}
