/**
 * `pnpm tsx bench/personal-crypto.ts`: what an encrypted, indexed personal field costs per value,
 * for the data layer's planning. Encrypts and blind-indexes 100,000 mobile numbers (the customer
 * generator's), decrypts and masks them, against a bare SHA-256 and JSON.stringify of the same
 * values in the same run; writes bench/results/personal-crypto.md. No database involved.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import {
  KeyRing, blindIndex, blindIndexesForLookup, decryptValue, encryptValue, maskValue, normaliseForIndex,
} from '../packages/core/src/personal/index.js';
import { generateCustomers } from './customers-blueprint.js';
import { compare, fmt, median, progress, waitForQuiet, writeReport, type Machine } from './report.js';

const count = 100_000;
const rounds = 5;
const context = 'ws_bench.customers.phone';
const phones = Array.from(generateCustomers(count), (row) => row.phone);
const ring = KeyRing.ephemeral();
const rotating = KeyRing.fromSecrets(randomBytes(32).toString('base64url'), [randomBytes(32).toString('base64url')]);
const envelopes = phones.map((phone) => encryptValue(ring, phone, context));

// Each measure maps every value to a string; the total length is kept so no work can be skipped.
const measures: Record<string, (index: number) => string> = {
  'encrypt + blind index': (i) => encryptValue(ring, phones[i]!, context) + blindIndex(ring, normaliseForIndex('phone', phones[i]!), context),
  'encrypt': (i) => encryptValue(ring, phones[i]!, context),
  'blind index': (i) => blindIndex(ring, normaliseForIndex('phone', phones[i]!), context),
  'decrypt': (i) => decryptValue(ring, envelopes[i]!, context),
  'lookup indexes during a rotation (2 keys)': (i) => blindIndexesForLookup(rotating, phones[i]!, context).join(),
  'mask': (i) => maskValue('phone', phones[i]!)!,
  'reference: sha256 hex': (i) => createHash('sha256').update(phones[i]!).digest('hex'),
  'reference: JSON.stringify': (i) => JSON.stringify(phones[i]!),
};
const names = Object.keys(measures);
const timings = new Map<string, number[]>(names.map((name) => [name, []]));
let sink = 0;

function run(name: string, values: number): number {
  const measure = measures[name]!;
  const start = performance.now();
  for (let i = 0; i < values; i += 1) sink += measure(i).length;
  return (performance.now() - start) * 1000 / values;
}

const idleBefore = await waitForQuiet();
progress(`${count} phone numbers, ${rounds} rounds of each measure`);
for (const name of names) run(name, 10_000);
for (let round = 0; round < rounds; round += 1) {
  // Rotate the order so no measure always runs first (cold) or last.
  for (let k = 0; k < names.length; k += 1) {
    const name = names[(round + k) % names.length]!;
    timings.get(name)!.push(run(name, count));
  }
}

const us = (name: string) => median(timings.get(name)!);
const reference = us('reference: sha256 hex');
const bulk = existsSync(new URL('./results/bulk-upsert.md', import.meta.url))
  ? /rows\/s \(median of 3\) \| ([\d,]+)/.exec(readFileSync(new URL('./results/bulk-upsert.md', import.meta.url), 'utf8'))?.[1]
  : undefined;
const bulkUs = bulk ? 1e6 / Number(bulk.replace(/,/g, '')) : undefined;
const cpus = os.cpus();
const machine: Machine = {
  cpu: cpus[0]?.model.trim() ?? 'unknown', cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version, os: `${os.type()} ${os.release()} ${os.arch()}`, postgres: 'no database',
};

await writeReport({
  name: 'personal-crypto',
  ...(idleBefore !== undefined ? { idleBefore } : {}),
  title: 'Personal data primitives: µs per value over 100,000 mobile numbers',
  reference: 'createHash(\'sha256\').update(value).digest(\'hex\') of the same values, same loop',
  comparisons: names.filter((name) => !name.startsWith('reference: sha256')).map((name) =>
    compare(`${name}: µs per value (median of ${rounds})`, fmt(us(name), 2), fmt(reference, 2), us(name) / reference)),
  notes: [
    `values: ${count.toLocaleString('en-US')} E.164 mobile numbers from bench/customers-blueprint.ts; one KeyRing.ephemeral(); context \`${context}\`.`,
    `method: one warm-up pass of 10,000 values per measure, then ${rounds} rounds over all values, rotating which measure goes first; medians. Rounds (µs per value): ${names.map((name) => `${name} ${timings.get(name)!.map((t) => t.toFixed(2)).join('/')}`).join('; ')}.`,
    `sizes: a phone's envelope is ${envelopes[0]!.length} characters (\`tse1.\` + key id + base64url of 12 + 14 + 16 bytes), a blind index 22.`,
    ...(bulkUs ? [`for planning: the last bulk upsert (bench/results/bulk-upsert.md) wrote ${bulk} rows/s, ${bulkUs.toFixed(1)} µs a row; encrypting and indexing one field adds ${us('encrypt + blind index').toFixed(2)} µs, ${(us('encrypt + blind index') / bulkUs * 100).toFixed(0)} % of that, per encrypted field.`] : []),
    `(checksum of outputs, so the loops did their work: ${sink})`,
  ],
}, machine);
