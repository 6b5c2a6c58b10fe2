/**
 * The customers blueprint the benchmarks run on, and a deterministic generator of realistic
 * Chinese retail customers (seeded PRNG: the same seed gives the same rows, on every machine),
 * drawn from the templates' shared reference data (names, cities, mailboxes).
 */
import type { Blueprint, Field } from '../packages/core/src/index.js';
import { CITIES, Random, personName, personalEmail } from '../templates/shared/index.js';

type LocalizedText = { 'zh-CN': string; en: string };

const label = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

function field(name: string, type: Field['type'], text: LocalizedText, extra: Partial<Field> = {}): Field {
  return { id: name, name, type, label: text, ...extra };
}

/** Customer levels, from the total spent (CNY). */
export const levels = [
  { value: 'normal', label: label('普通会员', 'Member'), below: 1_000 },
  { value: 'silver', label: label('银卡会员', 'Silver'), below: 5_000 },
  { value: 'gold', label: label('金卡会员', 'Gold'), below: 20_000 },
  { value: 'platinum', label: label('白金会员', 'Platinum'), below: Infinity },
] as const;

/**
 * One object, `customers`: phone is the natural (unique) key; the declared index (city, -total_spent)
 * serves the list screen of the benchmarks ("a city's customers, biggest spenders first"), as an
 * implementer would declare it for that screen.
 */
export function customersBlueprint(): Blueprint {
  return {
    label: label('基准测试：客户', 'Benchmark: customers'),
    timezone: 'Asia/Shanghai',
    objects: [{
      id: 'customers',
      name: 'customers',
      label: label('客户', 'Customers'),
      titleField: 'name',
      fields: [
        field('name', 'text', label('姓名', 'Name'), { required: true, maxLength: 50 }),
        field('phone', 'phone', label('手机号', 'Mobile phone'), { required: true, unique: true }),
        field('email', 'email', label('邮箱', 'Email')),
        field('city', 'text', label('城市', 'City'), { maxLength: 50 }),
        field('province', 'text', label('省份', 'Province'), { maxLength: 50 }),
        field('level', 'single_select', label('会员等级', 'Level'), {
          options: levels.map((level) => ({ value: level.value, label: level.label })), default: 'normal',
        }),
        field('total_spent', 'money', label('累计消费', 'Total spent'), { currency: 'CNY', min: 0 }),
        field('orders_count', 'integer', label('订单数', 'Orders'), { min: 0 }),
        field('last_order_at', 'datetime', label('最近下单时间', 'Last order at')),
      ],
      indexes: [{ fields: ['city', '-total_spent'] }],
    }],
  };
}

/** A customer record as clients send it to the API (exact money as a string, datetime in ISO 8601 UTC). */
export interface CustomerRow {
  name: string;
  phone: string;
  email: string | null;
  city: string;
  province: string;
  level: string;
  total_spent: string;
  orders_count: number;
  last_order_at: string | null;
}

// Mobile prefixes of the three carriers that libphonenumber-js accepts for CN with any 8-digit subscriber part.
const mobilePrefixes = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];

const subscriberSpace = 100_000_000;
const subscriberStep = 61_803_399; // coprime with 10^8, so i -> (i * step + offset) mod 10^8 is a bijection (and i * step < 2^53)
const subscriberOffset = 12_345_677;

/** Most rows one generator can produce while keeping phone numbers unique. */
export const maxCustomers = subscriberSpace;

/**
 * The mobile number of row `index`, in E.164 form (+86 1xx xxxx xxxx). The 8-digit subscriber part
 * is a bijection of the index, so numbers never repeat (whatever the random prefix).
 */
export function phoneOf(index: number, random: Random): string {
  const prefix = random.pick(mobilePrefixes);
  const subscriber = (index * subscriberStep + subscriberOffset) % subscriberSpace;
  return `+86${prefix}${String(subscriber).padStart(8, '0')}`;
}

const orderWindowStart = Date.UTC(2021, 0, 1);
const orderWindowEnd = Date.UTC(2025, 5, 30);

function normal(random: Random): number {
  const u = Math.max(random.next(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Options of the generator: the seed, and the index of the first row (for chunked generation). */
export interface GeneratorOptions {
  seed?: number;
  start?: number;
}

/**
 * Yields `count` customers. Rows depend only on (seed, start, count) and indexes `start..start+count`
 * have distinct phone numbers, so several chunks with disjoint index ranges never collide.
 */
export function* generateCustomers(count: number, options: GeneratorOptions = {}): Generator<CustomerRow> {
  const start = options.start ?? 0;
  if (start + count > maxCustomers) throw new Error(`at most ${maxCustomers} customers`);
  const random = new Random((options.seed ?? 20240601) ^ Math.imul(start, 0x9e3779b1));
  for (let index = start; index < start + count; index += 1) {
    const person = personName(random, random.chance(0.55) ? 'female' : 'male');
    const city = CITIES.pick(random);
    const phone = phoneOf(index, random);
    const email = random.chance(0.12) ? null : personalEmail(random, person);
    const buyer = random.next() >= 0.08;
    const spent = buyer ? Math.min(Math.exp(7 + 1.4 * normal(random)), 9_999_999) : 0;
    const orders = buyer ? Math.max(1, Math.round(spent / (120 + random.next() * 380))) : 0;
    const lastOrder = buyer ? new Date(orderWindowStart + Math.floor(random.next() * (orderWindowEnd - orderWindowStart))).toISOString() : null;
    yield {
      name: person.name,
      phone,
      email,
      city: city.name,
      province: city.province,
      level: levels.find((level) => spent < level.below)!.value,
      total_spent: spent.toFixed(2),
      orders_count: orders,
      last_order_at: lastOrder,
    };
  }
}

/** Every column of the customers table (system columns first), as the engine's list returns them. */
export const listColumns = ['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at', 'name', 'phone', 'email', 'city', 'province', 'level', 'total_spent', 'orders_count', 'last_order_at'];

/** Columns of a customers row, in the order COPY receives them (system columns take their defaults). */
export const copyColumns = ['name', 'phone', 'email', 'city', 'province', 'level', 'total_spent', 'orders_count', 'last_order_at', 'created_by', 'updated_by'] as const;

function csvText(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function csvValue(value: string | number | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvText(value);
}

/**
 * One CSV line (COPY ... WITH (FORMAT csv)) of a row, in `copyColumns` order: texts quoted, NULL as an
 * unquoted empty field, created_by/updated_by set to `actor` as the engine does.
 */
export function csvLine(row: CustomerRow, actor: string): string {
  return `${[row.name, row.phone, row.email, row.city, row.province, row.level, row.total_spent, row.orders_count, row.last_order_at, actor, actor]
    .map(csvValue).join(',')}\n`;
}

/** The rows as CSV chunks of `rowsPerChunk` lines (what a COPY stream is fed). */
export function* csvChunks(rows: Iterable<CustomerRow>, actor: string, rowsPerChunk = 2_000): Generator<string> {
  let chunk = '';
  let lines = 0;
  for (const row of rows) {
    chunk += csvLine(row, actor);
    lines += 1;
    if (lines === rowsPerChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (lines > 0) yield chunk;
}
