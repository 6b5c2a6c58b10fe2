import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateBlueprint, type Blueprint, type Field, type Filter, type ObjectDefinition, type TesseraError } from '../packages/core/src/index.js';
import { sampleData as b2bSampleData } from './b2b-sales/sample-data.js';
import { sampleData as retailSampleData, type SampleBatch } from './retail/sample-data.js';

type SampleRecord = Record<string, unknown>;

// ─── Loading ────────────────────────────────────────────────────────────────────────────────

const repo = new URL('../', import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(path, repo), 'utf8'));

interface Template {
  name: string;
  blueprint: Blueprint;
  generate: (seed?: number) => Iterable<SampleBatch>;
  /** A smaller data set than the default, for the tests that generate several times. */
  small: (seed: number) => Iterable<SampleBatch>;
}

const TEMPLATES: Template[] = [
  {
    name: 'retail',
    blueprint: readJson('templates/retail/blueprint.json') as Blueprint,
    generate: (seed) => retailSampleData(seed === undefined ? {} : { seed }),
    small: (seed) => retailSampleData({ seed, customers: 300 }),
  },
  {
    name: 'b2b-sales',
    blueprint: readJson('templates/b2b-sales/blueprint.json') as Blueprint,
    generate: (seed) => b2bSampleData(seed === undefined ? {} : { seed }),
    small: (seed) => b2bSampleData({ seed, accounts: 40 }),
  },
];

function objectNamed(blueprint: Blueprint, name: string): ObjectDefinition {
  const object = blueprint.objects.find((candidate) => candidate.name === name);
  if (!object) throw new Error(`no object ${name}`);
  return object;
}

interface Generated {
  batches: SampleBatch[];
  records: Map<string, SampleRecord[]>;
  millis: number;
}

const generatedByTemplate = new Map<string, Generated>();

/** The default data set of a template, generated once for all the tests that read it. */
function generated(template: Template): Generated {
  const cached = generatedByTemplate.get(template.name);
  if (cached) return cached;
  const started = performance.now();
  const batches = [...template.generate()];
  const millis = performance.now() - started;
  const records = new Map<string, SampleRecord[]>();
  for (const batch of batches) {
    const list = records.get(batch.object) ?? [];
    list.push(...batch.records);
    records.set(batch.object, list);
  }
  const result = { batches, records, millis };
  generatedByTemplate.set(template.name, result);
  return result;
}

function digest(batches: Iterable<SampleBatch>): string {
  const hash = createHash('sha256');
  for (const batch of batches) hash.update(JSON.stringify(batch));
  return hash.digest('hex');
}

// ─── Blueprint rules the engine enforces beyond the JSON Schema ─────────────────────────────

const RESERVED = new Set(['id', 'created_at', 'updated_at', 'created_by', 'updated_by', 'version', 'deleted_at', '__proto__', 'constructor', 'prototype']);
const IDENTIFIER = /^[a-z][a-z0-9_]{0,62}$/;
const UNIQUE_TYPES = new Set(['text', 'email', 'phone', 'url', 'integer', 'date', 'datetime']);

function blueprintProblems(blueprint: Blueprint): string[] {
  const problems = duplicates(blueprint.objects.map((object) => object.id)).map((id) => `object id ${id} repeated`);
  problems.push(...duplicates(blueprint.objects.map((object) => object.name)).map((name) => `object ${name} repeated`));
  for (const object of blueprint.objects) problems.push(...objectProblems(blueprint, object).map((p) => `${object.name}: ${p}`));
  for (const view of blueprint.views ?? []) {
    const object = blueprint.objects.find((candidate) => candidate.name === view.object);
    if (!object) {
      problems.push(`view ${view.name}: no object ${view.object}`);
      continue;
    }
    const paths = [...view.columns.map((c) => c.field), ...(view.sort ?? []).map((s) => s.field), ...filterFields(view.filter)];
    for (const path of paths) if (!pathResolves(blueprint, object, path)) problems.push(`view ${view.name}: ${path} unknown`);
  }
  return problems;
}

function objectProblems(blueprint: Blueprint, object: ObjectDefinition): string[] {
  const problems: string[] = [];
  if (!IDENTIFIER.test(object.name) || RESERVED.has(object.name)) problems.push('bad name');
  if (object.titleField === undefined || !object.fields.some((field) => field.name === object.titleField)) problems.push('titleField');
  problems.push(...duplicates(object.fields.map((field) => field.id)).map((id) => `field id ${id} repeated`));
  problems.push(...duplicates(object.fields.map((field) => field.name)).map((name) => `field ${name} repeated`));
  for (const index of object.indexes ?? []) {
    for (const name of index.fields) if (!object.fields.some((field) => field.name === name)) problems.push(`index on unknown ${name}`);
  }
  for (const field of object.fields) problems.push(...fieldProblems(blueprint, object, field).map((p) => `${field.name}: ${p}`));
  return problems;
}

function fieldProblems(blueprint: Blueprint, object: ObjectDefinition, field: Field): string[] {
  const problems: string[] = [];
  if (!IDENTIFIER.test(field.name) || RESERVED.has(field.name)) problems.push('bad name');
  if (field.id !== field.name) problems.push('id is not the name');
  if (field.unique && !UNIQUE_TYPES.has(field.type)) problems.push(`unique on ${field.type}`);
  if (field.type === 'text' && field.maxLength === undefined) problems.push('text without maxLength');
  if (field.type === 'money' && (field.currency !== 'CNY' || field.precision !== 14 || field.scale !== 2)) problems.push('money settings');
  if (field.options) problems.push(...duplicates(field.options.map((option) => option.value)).map((v) => `option ${v} repeated`));
  if (field.default !== undefined) {
    const problem = valueProblem(field, field.default);
    if (problem) problems.push(`default ${problem}`);
  }
  if (field.relation) {
    const { kind, target, inverse } = field.relation;
    const targetObject = blueprint.objects.find((candidate) => candidate.name === target);
    if (!targetObject) return [...problems, `target ${target} unknown`];
    const back = targetObject.fields.find((candidate) => candidate.name === inverse);
    if (kind === 'one_to_many' && (back?.relation?.kind !== 'many_to_one' || back.relation.target !== object.name)) {
      problems.push(`inverse ${inverse ?? '-'} is not a many_to_one back to ${object.name}`);
    }
  }
  return problems;
}

function filterFields(filter: Filter | undefined): string[] {
  if (!filter) return [];
  if ('and' in filter) return filter.and.flatMap(filterFields);
  if ('or' in filter) return filter.or.flatMap(filterFields);
  if ('not' in filter) return filterFields(filter.not);
  return [filter.field];
}

/** A field path such as member_level.code: every step but the last must be a many_to_one. */
function pathResolves(blueprint: Blueprint, object: ObjectDefinition, path: string): boolean {
  const [head = '', ...rest] = path.split('.');
  const field = object.fields.find((candidate) => candidate.name === head);
  if (!field) return false;
  if (rest.length === 0) return true;
  if (field.relation?.kind !== 'many_to_one') return false;
  return pathResolves(blueprint, objectNamed(blueprint, field.relation.target), rest.join('.'));
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => seen.size === seen.add(value).size);
}

// ─── Record values ──────────────────────────────────────────────────────────────────────────

const MONEY = /^\d{1,12}\.\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\+08:00$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const E164 = /^\+[1-9]\d{7,14}$/;
const CN_MOBILE = /^\+861[35789]\d{9}$/;
const EMAIL = /^[A-Za-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/;
const URL_PATTERN = /^https:\/\/[a-z0-9.-]+(\/[\x21-\x7e]*)?$/;

const isRealDate = (text: string): boolean => DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** Why `value` is not a valid value of `field`, or undefined when it is. */
function valueProblem(field: Field, value: unknown): string | undefined {
  const ok = typeCheck(field, value);
  if (!ok) return `${JSON.stringify(value)} is not a ${field.type}`;
  if (typeof value === 'number' && ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))) {
    return `${value} outside ${field.min ?? ''}..${field.max ?? ''}`;
  }
  if (typeof value === 'string' && field.maxLength !== undefined && [...value].length > field.maxLength) return `longer than ${field.maxLength}`;
  if (typeof value === 'string' && field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value)) return `${value} !~ ${field.pattern}`;
  return undefined;
}

function typeCheck(field: Field, value: unknown): boolean {
  const options = new Set((field.options ?? []).map((option) => option.value));
  switch (field.type) {
    case 'text':
    case 'long_text':
      return typeof value === 'string';
    case 'integer':
      return Number.isSafeInteger(value);
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value);
    case 'decimal':
    case 'money':
      return typeof value === 'string' && MONEY.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && isRealDate(value);
    case 'datetime':
      return typeof value === 'string' && DATETIME.test(value) && isRealDate(value.slice(0, 10));
    case 'single_select':
      return typeof value === 'string' && options.has(value);
    case 'multi_select':
      return Array.isArray(value) && value.every((item) => typeof item === 'string' && options.has(item));
    case 'email':
      return typeof value === 'string' && EMAIL.test(value);
    case 'phone':
      return typeof value === 'string' && E164.test(value);
    case 'url':
      return typeof value === 'string' && URL_PATTERN.test(value);
    case 'relation':
      return field.relation?.kind === 'many_to_many'
        ? Array.isArray(value) && value.every((id) => typeof id === 'string' && UUID_V4.test(id)) && new Set(value).size === value.length
        : field.relation?.kind === 'many_to_one' && typeof value === 'string' && UUID_V4.test(value);
    default:
      return false;
  }
}

/** Fields a generator may write: not the read side of a relation, nor what the engine fills in. */
function writable(field: Field): boolean {
  return field.type !== 'autonumber' && field.type !== 'computed' && field.relation?.kind !== 'one_to_many';
}

function recordProblems(object: ObjectDefinition, record: SampleRecord): string[] {
  const problems: string[] = [];
  if (typeof record.id !== 'string' || !UUID_V4.test(record.id)) problems.push(`id ${String(record.id)}`);
  for (const [name, value] of Object.entries(record)) {
    if (name === 'id') continue;
    const field = object.fields.find((candidate) => candidate.name === name);
    if (!field || !writable(field)) problems.push(`${name} is not a writable field`);
    else if (value === null || value === undefined) {
      if (field.required) problems.push(`${name} is required`);
    } else {
      const problem = valueProblem(field, value);
      if (problem) problems.push(`${name}: ${problem}`);
    }
  }
  return problems;
}

function* relationValues(object: ObjectDefinition, record: SampleRecord): Generator<[target: string, id: unknown]> {
  for (const field of object.fields) {
    const value = record[field.name];
    if (!field.relation || value === null || value === undefined) continue;
    if (Array.isArray(value)) for (const id of value) yield [field.relation.target, id];
    else yield [field.relation.target, value];
  }
}

// ─── Tests ──────────────────────────────────────────────────────────────────────────────────

describe.each(TEMPLATES)('$name blueprint', ({ blueprint }) => {
  it('passes schemas/blueprint.schema.json and the engine\'s own checks', () => {
    const errors = (() => {
      try {
        validateBlueprint(blueprint);
        return [];
      } catch (error) {
        return (error as TesseraError).errors ?? [error];
      }
    })();
    expect(errors).toEqual([]);
  });

  it('follows the naming, reference and type rules the engine enforces', () => {
    expect(blueprintProblems(blueprint)).toEqual([]);
  });

  it('labels every object, field and option in Chinese and English', () => {
    const labels = blueprint.objects.flatMap((object) => [
      object.label,
      ...object.fields.flatMap((field) => [field.label, ...(field.options ?? []).map((option) => option.label)]),
    ]);
    for (const label of labels) expect(label['zh-CN']).toMatch(/\p{Script=Han}/u);
  });
});

describe.each(TEMPLATES)('$name sample data', (template) => {
  let batches: SampleBatch[] = [];
  let records = new Map<string, SampleRecord[]>();
  beforeAll(() => {
    ({ batches, records } = generated(template));
  });
  const recordsOf = (object: string): SampleRecord[] => records.get(object) ?? [];

  it('is identical for the same seed and differs for another seed', () => {
    expect(digest(template.generate())).toBe(digest(batches));
    expect(digest(template.small(7))).toBe(digest(template.small(7)));
    expect(digest(template.small(8))).not.toBe(digest(template.small(7)));
  });

  it('yields non-empty batches of at most 2,000 records of blueprint objects', () => {
    for (const batch of batches) {
      expect(batch.records.length).toBeGreaterThan(0);
      expect(batch.records.length).toBeLessThanOrEqual(2000);
      objectNamed(template.blueprint, batch.object);
    }
  });

  it('only references records yielded in an earlier batch or the same batch', () => {
    const seen = new Map<string, Set<unknown>>();
    const missing: string[] = [];
    for (const batch of batches) {
      const ids = seen.get(batch.object) ?? new Set();
      seen.set(batch.object, ids);
      for (const record of batch.records) ids.add(record.id);
      const object = objectNamed(template.blueprint, batch.object);
      for (const record of batch.records) {
        for (const [target, id] of relationValues(object, record)) {
          if (!seen.get(target)?.has(id)) missing.push(`${batch.object} → ${target} ${String(id)}`);
        }
      }
    }
    expect(missing.slice(0, 5)).toEqual([]);
  });

  it('writes only blueprint fields, with values in the documented formats', () => {
    const problems: string[] = [];
    for (const batch of batches) {
      const object = objectNamed(template.blueprint, batch.object);
      for (const record of batch.records) problems.push(...recordProblems(object, record).map((p) => `${batch.object}: ${p}`));
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('keeps ids and unique fields unique', () => {
    const ids = batches.flatMap((batch) => batch.records.map((record) => record.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const object of template.blueprint.objects) {
      for (const field of object.fields.filter((candidate) => candidate.unique)) {
        const values = recordsOf(object.name).map((record) => record[field.name]).filter((value) => value !== null);
        expect(duplicates(values.map(String)), `${object.name}.${field.name}`).toEqual([]);
      }
    }
  });
});

const cents = (money: unknown): number => Math.round(Number(money) * 100);

const [retail, b2b] = TEMPLATES as [Template, Template];

describe('retail sample data', () => {
  let data = new Map<string, SampleRecord[]>();
  let millis = 0;
  beforeAll(() => {
    ({ records: data, millis } = generated(retail));
  });
  const all = (object: string): SampleRecord[] => data.get(object) ?? [];
  const byCustomer = (object: string): Map<unknown, SampleRecord[]> => groupBy(all(object), 'customer');

  it('has 3,000 customers and tens of thousands of orders by default, generated quickly', () => {
    expect(all('customers')).toHaveLength(3000);
    expect(all('orders').length).toBeGreaterThanOrEqual(20_000);
    expect(all('orders').length).toBeLessThanOrEqual(40_000);
    expect(all('member_levels').map((level) => level.name)).toEqual(['普通会员', '银卡会员', '金卡会员', '钻石会员']);
    // Generous bound for slow CI machines; it takes well under a second on a laptop.
    expect(millis).toBeLessThan(5000);
  });

  it('gives orders 1–4 items whose totals add up to the amount paid', () => {
    const items = groupBy(all('order_items'), 'order');
    const wrong: unknown[] = [];
    for (const order of all('orders')) {
      const lines = items.get(order.id) ?? [];
      const subtotal = lines.reduce((sum, line) => sum + cents(line.line_total), 0);
      const badLine = lines.some((line) => cents(line.line_total) !== cents(line.unit_price) * Number(line.quantity));
      if (lines.length < 1 || lines.length > 4 || badLine) wrong.push({ order, lines });
      if (cents(order.amount) !== subtotal - cents(order.discount) + cents(order.shipping_fee)) wrong.push({ order, subtotal });
      if ((order.paid_at === null) !== (order.status === 'pending' || order.status === 'cancelled')) wrong.push({ order });
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('refunds and cancels a few percent of orders, and has one-time and heavy buyers', () => {
    const orders = all('orders');
    const share = (status: string): number => orders.filter((order) => order.status === status).length / orders.length;
    expect(share('refunded')).toBeGreaterThan(0.01);
    expect(share('refunded') + share('cancelled')).toBeLessThan(0.1);
    const counts = all('customers').map((customer) => Number(customer.orders_count));
    expect(counts.filter((count) => count === 1).length).toBeGreaterThan(600);
    expect(counts.filter((count) => count >= 20).length).toBeGreaterThan(100);
  });

  it('sums each customer’s paid, shipped and completed orders onto the customer', () => {
    const orders = byCustomer('orders');
    const levels = [...all('member_levels')].sort((a, b) => cents(b.min_spent) - cents(a.min_spent));
    const wrong: unknown[] = [];
    for (const customer of all('customers')) {
      const counted = (orders.get(customer.id) ?? []).filter((order) => ['paid', 'shipped', 'completed'].includes(String(order.status)));
      const times = counted.map((order) => String(order.ordered_at)).sort();
      const expected = {
        orders_count: counted.length,
        total_spent: counted.reduce((sum, order) => sum + cents(order.amount), 0),
        first_order_at: times[0] ?? null,
        last_order_at: times.at(-1) ?? null,
        member_level: levels.find((level) => cents(customer.total_spent) >= cents(level.min_spent))?.id,
      };
      const actual = { ...pick(customer, Object.keys(expected)), total_spent: cents(customer.total_spent) };
      if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push({ actual, expected });
    }
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('chains the points ledger of each customer to the points balance', () => {
    const ledger = byCustomer('points_ledger');
    const wrong: unknown[] = [];
    for (const customer of all('customers')) {
      let balance = 0;
      let last = '';
      for (const entry of ledger.get(customer.id) ?? []) {
        balance += Number(entry.change);
        if (entry.balance_after !== balance || balance < 0 || String(entry.occurred_at) < last) wrong.push({ entry, balance });
        last = String(entry.occurred_at);
      }
      if (customer.points_balance !== balance) wrong.push({ customer: customer.id, balance });
    }
    expect(wrong.slice(0, 3)).toEqual([]);
    const reasons = new Set(all('points_ledger').map((entry) => entry.reason));
    expect([...reasons].sort()).toEqual(['adjust', 'earn', 'expire', 'redeem']);
  });

  it('redeems coupons on the holder’s own orders, within their validity', () => {
    const orders = new Map(all('orders').map((order) => [order.id, order]));
    const wrong = all('coupons').filter((coupon) => {
      if (coupon.status !== 'redeemed') return coupon.order !== null || coupon.redeemed_at !== null;
      const order = orders.get(coupon.order);
      return (
        order === undefined ||
        order.customer !== coupon.customer ||
        cents(order.discount) < cents(coupon.value) ||
        String(coupon.redeemed_at) < String(coupon.issued_at) ||
        String(coupon.redeemed_at).slice(0, 10) > String(coupon.expires_at)
      );
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('gives platform ids only to customers from that platform, and mobile numbers to customers', () => {
    const wrong = all('customers').filter(
      (customer) =>
        (customer.taobao_open_uid !== null && !['taobao', 'tmall'].includes(String(customer.source_channel))) ||
        (customer.jd_open_id !== null && customer.source_channel !== 'jd') ||
        (customer.phone !== null && !CN_MOBILE.test(String(customer.phone))),
    );
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('marks tasks done exactly when their status is done', () => {
    expect(all('tasks').filter((task) => task.done !== (task.status === 'done'))).toEqual([]);
  });
});

describe('b2b-sales sample data', () => {
  let data = new Map<string, SampleRecord[]>();
  beforeAll(() => {
    data = generated(b2b).records;
  });
  const all = (object: string): SampleRecord[] => data.get(object) ?? [];

  it('has 300 accounts by default, with contacts, leads, opportunities and activities', () => {
    expect(all('accounts')).toHaveLength(300);
    for (const object of ['contacts', 'leads', 'opportunities', 'activities']) expect(all(object).length).toBeGreaterThan(300);
  });

  it('keeps stage, probability and closing date consistent', () => {
    const probability: Record<string, number> = { lead: 10, first_contact: 20, needs_analysis: 40, proposal: 60, contract: 80, won: 100, lost: 0 };
    for (const opportunity of all('opportunities')) {
      const stage = String(opportunity.stage);
      expect(opportunity.probability).toBe(probability[stage]);
      expect(opportunity.closed_at !== null).toBe(stage === 'won' || stage === 'lost');
      expect(opportunity.lost_reason !== null).toBe(stage === 'lost');
    }
  });

  it('links converted leads to their account, and activities to the account of their opportunity', () => {
    for (const lead of all('leads')) {
      expect(lead.converted).toBe(lead.status === 'converted');
      expect(lead.converted_account !== null).toBe(lead.converted);
    }
    const accountOf = new Map(all('opportunities').map((opportunity) => [opportunity.id, opportunity.account]));
    for (const activity of all('activities').filter((candidate) => candidate.opportunity !== null)) {
      expect(activity.account).toBe(accountOf.get(activity.opportunity));
    }
  });
});

function pick(record: SampleRecord, keys: readonly string[]): SampleRecord {
  return Object.fromEntries(keys.map((key) => [key, record[key]]));
}

function groupBy(records: readonly SampleRecord[], key: string): Map<unknown, SampleRecord[]> {
  const groups = new Map<unknown, SampleRecord[]>();
  for (const record of records) {
    const group = groups.get(record[key]);
    if (group) group.push(record);
    else groups.set(record[key], [record]);
  }
  return groups;
}
