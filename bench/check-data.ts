/**
 * Checks the generator: every phone number of the first `count` rows (default 1,000,000) passes the
 * engine's own check (libphonenumber-js isValidPhoneNumber(value, 'CN')) and is unique, and a sample
 * of rows passes the engine's record validator. Run: npx tsx bench/check-data.ts [count]
 */
import { modelBlueprint, validateRecord } from '../packages/core/src/index.js';
import { customersBlueprint, generateCustomers } from './customers-blueprint.js';
import { isValidPhoneNumber } from './deps.js';

const count = Number(process.argv[2] ?? 1_000_000);
const object = modelBlueprint(customersBlueprint()).objects.get('customers')!;
const phones = new Set<string>();
let invalid = 0;
let rejected = 0;
const cities = new Map<string, number>();
let index = 0;
for (const row of generateCustomers(count)) {
  if (!isValidPhoneNumber(row.phone, 'CN')) invalid += 1;
  phones.add(row.phone);
  cities.set(row.city, (cities.get(row.city) ?? 0) + 1);
  if (index % 50 === 0 && validateRecord(object, row, 'create').length > 0) {
    rejected += 1;
    if (rejected <= 3) console.log('rejected', row, validateRecord(object, row, 'create'));
  }
  index += 1;
}
const top = [...cities].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([city, n]) => `${city} ${(100 * n / count).toFixed(1)}%`);
console.log(`${count} rows: ${invalid} invalid phones, ${count - phones.size} duplicate phones, ${rejected} of ${Math.ceil(count / 50)} sampled rows rejected by the validator`);
console.log(`largest cities: ${top.join(', ')}`);
console.log('sample:', [...generateCustomers(3)]);
if (invalid > 0 || phones.size !== count || rejected > 0) process.exitCode = 1;
