import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { CITIES, Random, homeAddress, mobilePhone, personName, personalEmail, type City } from '../../../templates/shared/index.js';
import type { Blueprint } from '../src/documents/index.js';
import { field, label } from './fixtures.js';

/** The customers object the messy files are imported into (names as in the retail template). */
export function importBlueprint(): Blueprint {
  const option = (value: string, zh: string, en: string) => ({ value, label: { 'zh-CN': zh, en } });
  return {
    label: label('import'),
    timezone: 'Asia/Shanghai',
    objects: [{
      id: 'customers', name: 'customers', label: { 'zh-CN': '客户', en: 'Customers' }, titleField: 'name',
      fields: [
        field('name', 'text', { required: true, maxLength: 80, label: { 'zh-CN': '姓名', en: 'Name' } }),
        field('phone', 'phone', { unique: true, label: { 'zh-CN': '手机', en: 'Phone' } }),
        field('email', 'email', { indexed: true, label: { 'zh-CN': '邮箱', en: 'Email' } }),
        field('gender', 'single_select', { options: [option('male', '男', 'Male'), option('female', '女', 'Female')], label: { 'zh-CN': '性别', en: 'Gender' } }),
        field('birthday', 'date', { label: { 'zh-CN': '生日', en: 'Birthday' } }),
        field('province', 'text', { label: { 'zh-CN': '省份', en: 'Province' } }),
        field('city', 'text', { label: { 'zh-CN': '城市', en: 'City' } }),
        field('district', 'text', { label: { 'zh-CN': '区县', en: 'District' } }),
        field('address', 'text', { label: { 'zh-CN': '详细地址', en: 'Address' } }),
        field('points_balance', 'integer', { min: 0, label: { 'zh-CN': '积分', en: 'Points' } }),
        field('vip', 'boolean', { label: { 'zh-CN': '是否会员', en: 'VIP' } }),
        field('notes', 'long_text', { label: { 'zh-CN': '备注', en: 'Notes' } }),
      ],
    }],
  };
}

/** A customer as it should end up stored (every field a canonical value, or absent). */
export type CanonicalCustomer = Record<string, string | number | boolean>;

/** A generated file's rows and what importing them must give. */
export interface MessyCustomers {
  headers: string[];
  rows: string[][];
  /** Stored before the import (name, phone and some points): rows of these people merge into them. */
  existing: CanonicalCustomer[];
  /** Outcome counts of an import with the suggested mapping (merge, filling empty fields). */
  counts: { read: number; created: number; merged: number; rejected: number };
  /** Every customer after the import, by phone. */
  customers: Map<string, CanonicalCustomer>;
  /** Row numbers (the header is row 1) of the rows that must be rejected, with the field at fault. */
  rejected: Map<number, string>;
}

export const messyHeaders = ['客户名称', '手机号', '邮箱', '性别', '生日', '地址', '积分', '是否会员', '备注'];

const fullWidth = (text: string) => text.replace(/[0-9A-Za-z@.]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));

function phoneVariant(rng: Random, phone: string): string {
  const national = phone.slice(3);
  switch (rng.int(0, 5)) {
    case 0: return national;
    case 1: return `+86 ${national.slice(0, 3)} ${national.slice(3, 7)} ${national.slice(7)}`;
    case 2: return `${national.slice(0, 3)}-${national.slice(3, 7)}-${national.slice(7)}`;
    case 3: return `0086${national}`;
    case 4: return fullWidth(national);
    default: return `(+86)${national}`;
  }
}

function dateVariant(rng: Random, iso: string): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  switch (rng.int(0, 4)) {
    case 0: return iso;
    case 1: return `${year}/${month}/${day}`;
    case 2: return `${year}年${month}月${day}日`;
    case 3: return iso.replaceAll('-', '');
    default: return `${month}/${day}/${year}`;
  }
}

function addressVariant(rng: Random, city: City, district: string, street: string): string {
  const shortProvince = city.province.replace(/(省|市|壮族自治区)$/, '');
  const shortCity = city.name.replace(/市$/, '');
  const municipality = city.province === city.name;
  switch (rng.int(0, 2)) {
    case 0: return municipality ? `${shortCity}${district}${street}` : `${shortProvince}${shortCity}${district}${street}`;
    case 1: return municipality ? `${city.name}${district} ${street}` : `${city.province}${city.name}${district} ${street}`;
    default: return `${city.name}${district}${street}`;
  }
}

const genders = { male: ['男', 'male', 'MALE'], female: ['女', 'female', 'Female'] } as const;
/** Cities whose template districts are all in the administrative divisions under that city (checked by a test). */
const cities = CITIES;

interface Person {
  canonical: CanonicalCustomer;
  city: City;
}

/** A mailbox no other generated person has (email is a match key: two people sharing one would merge). */
function uniqueEmail(rng: Random, name: ReturnType<typeof personName>, emails: Set<string>): string {
  for (;;) {
    const email = personalEmail(rng, name).toLowerCase();
    if (!emails.has(email)) {
      emails.add(email);
      return email;
    }
  }
}

function makePerson(rng: Random, phones: Set<string>, emails: Set<string>): Person {
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const name = personName(rng, gender);
  const city = cities.pick(rng);
  const district = rng.pick(city.districts);
  const month = rng.int(1, 12);
  const canonical: CanonicalCustomer = {
    name: name.name, phone: mobilePhone(rng, phones), email: uniqueEmail(rng, name, emails), gender,
    birthday: `${rng.int(1960, 2004)}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    province: city.province, city: city.name, district, address: homeAddress(rng), points_balance: rng.int(0, 20_000), vip: rng.chance(0.3),
  };
  if (rng.chance(0.2)) canonical.notes = rng.chance(0.5) ? '老客户，"重要"' : '首单\n回访过';
  return { canonical, city };
}

/** Renders one row of a person; `omit` leaves some fields empty (a duplicate row then fills them). */
function render(rng: Random, person: Person, omit: ReadonlySet<string>): string[] {
  const value = person.canonical;
  const cell = (name: string, text: () => string) => (omit.has(name) || value[name] === undefined ? '' : text());
  const spaced = rng.chance(0.2) ? `${String(value.name)[0]} ${String(value.name).slice(1)}` : String(value.name);
  return [
    rng.chance(0.2) ? `\u3000${spaced} ` : spaced,
    phoneVariant(rng, String(value.phone)),
    cell('email', () => (rng.chance(0.3) ? ` ${String(value.email).toUpperCase()} ` : rng.chance(0.2) ? fullWidth(String(value.email)) : String(value.email))),
    cell('gender', () => rng.pick(genders[value.gender as 'male' | 'female'])),
    cell('birthday', () => dateVariant(rng, String(value.birthday))),
    cell('address', () => addressVariant(rng, person.city, String(value.district), String(value.address))),
    cell('points_balance', () => (rng.chance(0.3) ? Number(value.points_balance).toLocaleString('en-US') : rng.chance(0.3) ? fullWidth(String(value.points_balance)) : String(value.points_balance))),
    cell('vip', () => (value.vip ? rng.pick(['是', 'Y', 'TRUE']) : rng.pick(['否', 'N', 'false']))),
    cell('notes', () => String(value.notes)),
  ];
}

const addressFields = ['province', 'city', 'district', 'address'];
const optional = ['email', 'gender', 'birthday', 'address', 'points_balance', 'vip'];

/** A broken cell (its field is named) that must reject its row. */
function breakRow(rng: Random, row: string[]): string {
  switch (rng.int(0, 5)) {
    case 0: row[1] = rng.pick(['12345', '138abc', '+1 555']); return 'phone';
    case 1: row[2] = rng.pick(['foo@', 'no-at-sign.com', 'a@b@c.com']); return 'email';
    case 2: row[4] = rng.pick(['2023-02-30', '明天', '13/13/2020']); return 'birthday';
    case 3: row[3] = rng.pick(['未知', 'X']); return 'gender';
    case 4: row[6] = rng.pick(['很多', '-5']); return 'points_balance';
    default: row[0] = ''; return 'name';
  }
}

/**
 * A seeded, messy customer list: Chinese headers, phones in six notations (full-width digits,
 * 0086, dashes…), emails in upper case or full width, five date notations, addresses with short or
 * full division names, points with thousands separators, yes/no as 是/Y/TRUE, stray spaces, notes
 * with quotes and newlines. Some people appear several times with variations, their first rows
 * missing fields later rows give (merge fills them); some exist already; some rows are broken.
 * The expected result is derived from the canonical values, independently of the importer.
 */
export function messyCustomers(seed: number, people: number, shares = { duplicate: 0.15, existing: 0.05, invalid: 0.05 }): MessyCustomers {
  const rng = new Random(seed);
  const phones = new Set<string>();
  const emails = new Set<string>();
  const rows: string[][] = [];
  const customers = new Map<string, CanonicalCustomer>();
  const existing: CanonicalCustomer[] = [];
  const rejected = new Map<number, string>();
  const counts = { read: 0, created: 0, merged: 0, rejected: 0 };
  const seen: Person[] = [];
  for (let index = 0; index < people; index += 1) {
    const person = makePerson(rng, phones, emails);
    if (rng.chance(shares.invalid)) {
      const row = render(rng, person, new Set());
      rejected.set(rows.length + 2, breakRow(rng, row));
      rows.push(row);
      counts.rejected += 1;
      continue;
    }
    const omitted = new Set(optional.filter(() => rng.chance(0.15)));
    const stored = { ...person.canonical };
    if (rng.chance(shares.existing)) {
      const before: CanonicalCustomer = { name: person.canonical.name!, phone: person.canonical.phone!, points_balance: 7 };
      existing.push(before);
      // Merging fills empty fields only: the stored points stay, the rest comes from the rows.
      stored.points_balance = 7;
      counts.merged += 1;
    } else {
      counts.created += 1;
    }
    for (const name of omitted) if (!(name === 'points_balance' && stored.points_balance === 7)) delete stored[name];
    if (omitted.has('address')) for (const name of addressFields) delete stored[name];
    customers.set(String(person.canonical.phone), stored);
    rows.push(render(rng, person, omitted));
    seen.push(person);
    if (seen.length > 1 && rng.chance(shares.duplicate)) {
      const again = rng.pick(seen);
      const target = customers.get(String(again.canonical.phone))!;
      const omitAgain = new Set(optional.filter(() => rng.chance(0.3)));
      rows.push(render(rng, again, omitAgain));
      for (const name of [...optional, 'notes']) {
        if (omitAgain.has(name) || again.canonical[name] === undefined) continue;
        const fields = name === 'address' ? addressFields : [name];
        for (const each of fields) if (target[each] === undefined) target[each] = again.canonical[each]!;
      }
      counts.merged += 1;
    }
  }
  counts.read = rows.length;
  return { headers: messyHeaders, rows, existing, counts, customers, rejected };
}

/** The list as CSV bytes, with Windows line ends: GBK (Excel on Chinese Windows) or UTF-8 with a BOM. */
export function messyCsv(messy: MessyCustomers, encoding: 'gbk' | 'utf-8'): Buffer {
  // Fields holding a line break are quoted (csv-stringify only quotes the record delimiter itself): other programs read a bare \n as a new row.
  const text = stringify([messy.headers, ...messy.rows], { record_delimiter: 'windows', quoted_match: /[\r\n]/ });
  return encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.from(`\ufeff${text}`, 'utf8');
}
