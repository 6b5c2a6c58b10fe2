/**
 * The customers blueprint the benchmarks run on, and a deterministic generator of realistic
 * Chinese retail customers (seeded PRNG: the same seed gives the same rows, on every machine).
 */
import type { Blueprint, Field } from '../packages/core/src/index.js';

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

/** mulberry32: a small, fast, seeded 32-bit PRNG. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Common surnames (roughly by frequency) and given-name characters, with their pinyin for emails.
const surnames: [string, string][] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'], ['赵', 'zhao'],
  ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'], ['胡', 'hu'], ['郭', 'guo'],
  ['何', 'he'], ['高', 'gao'], ['林', 'lin'], ['罗', 'luo'], ['郑', 'zheng'], ['梁', 'liang'], ['谢', 'xie'], ['宋', 'song'],
  ['唐', 'tang'], ['许', 'xu'], ['韩', 'han'], ['冯', 'feng'], ['邓', 'deng'], ['曹', 'cao'], ['彭', 'peng'], ['曾', 'zeng'],
  ['肖', 'xiao'], ['田', 'tian'], ['董', 'dong'], ['袁', 'yuan'], ['潘', 'pan'], ['于', 'yu'], ['蒋', 'jiang'], ['蔡', 'cai'],
  ['余', 'yu'], ['杜', 'du'], ['叶', 'ye'], ['程', 'cheng'], ['苏', 'su'], ['魏', 'wei'], ['吕', 'lv'], ['丁', 'ding'],
  ['任', 'ren'], ['沈', 'shen'], ['姚', 'yao'], ['卢', 'lu'], ['姜', 'jiang'], ['崔', 'cui'], ['钟', 'zhong'], ['谭', 'tan'],
  ['陆', 'lu'], ['汪', 'wang'], ['范', 'fan'], ['金', 'jin'], ['石', 'shi'], ['廖', 'liao'], ['贾', 'jia'], ['夏', 'xia'],
  ['欧阳', 'ouyang'], ['司马', 'sima'], ['上官', 'shangguan'],
];
const givenNames: [string, string][] = [
  ['伟', 'wei'], ['芳', 'fang'], ['娜', 'na'], ['敏', 'min'], ['静', 'jing'], ['丽', 'li'], ['强', 'qiang'], ['磊', 'lei'],
  ['军', 'jun'], ['洋', 'yang'], ['勇', 'yong'], ['艳', 'yan'], ['杰', 'jie'], ['娟', 'juan'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀', 'xiu'], ['霞', 'xia'], ['平', 'ping'], ['刚', 'gang'], ['桂', 'gui'], ['英', 'ying'], ['华', 'hua'],
  ['玉', 'yu'], ['萍', 'ping'], ['红', 'hong'], ['建', 'jian'], ['文', 'wen'], ['斌', 'bin'], ['宇', 'yu'], ['浩', 'hao'],
  ['凯', 'kai'], ['晨', 'chen'], ['欣', 'xin'], ['怡', 'yi'], ['佳', 'jia'], ['子', 'zi'], ['涵', 'han'], ['轩', 'xuan'],
  ['梓', 'zi'], ['睿', 'rui'], ['博', 'bo'], ['思', 'si'], ['雨', 'yu'], ['婷', 'ting'], ['琳', 'lin'], ['鑫', 'xin'],
  ['昊', 'hao'], ['然', 'ran'], ['一', 'yi'], ['诺', 'nuo'], ['嘉', 'jia'], ['俊', 'jun'], ['志', 'zhi'], ['海', 'hai'],
  ['国', 'guo'], ['春', 'chun'], ['梅', 'mei'], ['兰', 'lan'], ['晓', 'xiao'], ['雪', 'xue'], ['慧', 'hui'], ['鹏', 'peng'],
];

/** Cities with their province and a weight (roughly their share of urban consumers). */
export const cities: [city: string, province: string, weight: number][] = [
  ['上海市', '上海市', 90], ['北京市', '北京市', 85], ['深圳市', '广东省', 70], ['广州市', '广东省', 70], ['杭州市', '浙江省', 50],
  ['成都市', '四川省', 55], ['重庆市', '重庆市', 55], ['武汉市', '湖北省', 45], ['南京市', '江苏省', 40], ['苏州市', '江苏省', 40],
  ['西安市', '陕西省', 40], ['天津市', '天津市', 38], ['长沙市', '湖南省', 35], ['郑州市', '河南省', 35], ['东莞市', '广东省', 30],
  ['青岛市', '山东省', 30], ['宁波市', '浙江省', 28], ['合肥市', '安徽省', 28], ['佛山市', '广东省', 28], ['沈阳市', '辽宁省', 25],
  ['昆明市', '云南省', 25], ['济南市', '山东省', 25], ['厦门市', '福建省', 20], ['福州市', '福建省', 22], ['无锡市', '江苏省', 22],
  ['大连市', '辽宁省', 20], ['哈尔滨市', '黑龙江省', 22], ['南宁市', '广西壮族自治区', 20], ['石家庄市', '河北省', 20], ['南昌市', '江西省', 18],
  ['贵阳市', '贵州省', 16], ['温州市', '浙江省', 18], ['长春市', '吉林省', 16], ['太原市', '山西省', 15], ['泉州市', '福建省', 15],
  ['兰州市', '甘肃省', 12], ['海口市', '海南省', 8], ['乌鲁木齐市', '新疆维吾尔自治区', 10], ['呼和浩特市', '内蒙古自治区', 8],
  ['银川市', '宁夏回族自治区', 6], ['西宁市', '青海省', 5], ['拉萨市', '西藏自治区', 2],
];

// Mobile prefixes of the three carriers that libphonenumber-js accepts for CN with any 8-digit subscriber part.
const mobilePrefixes = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '176', '177', '180', '181', '182', '183', '185', '186', '187', '188', '189', '198', '199',
];
const mailDomains = ['qq.com', '163.com', '126.com', 'sina.com', 'foxmail.com', 'outlook.com', 'gmail.com', 'aliyun.com'];

const subscriberSpace = 100_000_000;
const subscriberStep = 61_803_399; // coprime with 10^8, so i -> (i * step + offset) mod 10^8 is a bijection (and i * step < 2^53)
const subscriberOffset = 12_345_677;

/** Most rows one generator can produce while keeping phone numbers unique. */
export const maxCustomers = subscriberSpace;

/**
 * The mobile number of row `index`, in E.164 form (+86 1xx xxxx xxxx). The 8-digit subscriber part
 * is a bijection of the index, so numbers never repeat (whatever the random prefix).
 */
export function phoneOf(index: number, random: () => number): string {
  const prefix = mobilePrefixes[Math.floor(random() * mobilePrefixes.length)]!;
  const subscriber = (index * subscriberStep + subscriberOffset) % subscriberSpace;
  return `+86${prefix}${String(subscriber).padStart(8, '0')}`;
}

function weightedPicker<T>(items: T[], weightOf: (item: T) => number): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weightOf(item)));
  return (random) => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > target) high = middle;
      else low = middle + 1;
    }
    return items[low]!;
  };
}

const pickCity = weightedPicker(cities, (city) => city[2]);
const pickSurname = weightedPicker(surnames.map((surname, rank) => [surname, 1 / (rank + 4)] as const), (entry) => entry[1]);
const orderWindowStart = Date.UTC(2021, 0, 1);
const orderWindowEnd = Date.UTC(2025, 5, 30);

function normal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
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
  const random = mulberry32((options.seed ?? 20240601) ^ Math.imul(start, 0x9e3779b1));
  for (let index = start; index < start + count; index += 1) {
    const [surname, surnamePinyin] = pickSurname(random)[0];
    const givenCount = random() < 0.7 ? 2 : 1;
    let given = '';
    let givenPinyin = '';
    for (let n = 0; n < givenCount; n += 1) {
      const [character, pinyin] = givenNames[Math.floor(random() * givenNames.length)]!;
      given += character;
      givenPinyin += pinyin;
    }
    const [city, province] = pickCity(random);
    const phone = phoneOf(index, random);
    const mail = random();
    const domain = mailDomains[Math.floor(random() * mailDomains.length)]!;
    const email = mail < 0.12 ? null : domain === 'qq.com'
      ? `${10_000_000 + Math.floor(random() * 2_000_000_000)}@qq.com`
      : `${surnamePinyin}${givenPinyin}${mail < 0.6 ? Math.floor(random() * 10_000) : ''}@${domain}`;
    const buyer = random() >= 0.08;
    const spent = buyer ? Math.min(Math.exp(7 + 1.4 * normal(random)), 9_999_999) : 0;
    const orders = buyer ? Math.max(1, Math.round(spent / (120 + random() * 380))) : 0;
    const lastOrder = buyer ? new Date(orderWindowStart + Math.floor(random() * (orderWindowEnd - orderWindowStart))).toISOString() : null;
    yield {
      name: `${surname}${given}`,
      phone,
      email,
      city,
      province,
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
