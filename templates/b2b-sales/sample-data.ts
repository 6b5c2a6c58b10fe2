/**
 * Deterministic sample data for the B2B sales template: a vendor of industrial and enterprise
 * software selling to Chinese companies, with its pipeline over the two years ending 2026-10-31.
 *
 * It draws from the same seeded stream and Chinese reference data as the retail template, and
 * like it generates accounts in chunks so that memory stays flat.
 */
import {
  CITIES,
  DAY,
  HOUR,
  Random,
  TRADE_NAMES,
  WINDOW_END,
  WINDOW_START,
  Weighted,
  between,
  formatDate,
  formatDateTime,
  formatMoney,
  inBatches,
  landline,
  mobilePhone,
  officeAddress,
  personName,
  personalEmail,
  type City,
  type SampleBatch,
} from '../retail/sample-data.js';

export type { SampleBatch } from '../retail/sample-data.js';

/** How much B2B data to generate, and from which seed. */
export interface SampleOptions {
  seed?: number;
  /** Number of accounts; 300 by default. */
  accounts?: number;
}

type SampleRecord = Record<string, unknown>;

const SALES_REPS = ['王磊', '李娜', '张伟', '刘洋', '陈静', '杨帆'];

type Industry = 'manufacturing' | 'it' | 'finance' | 'retail' | 'healthcare' | 'education' | 'logistics' | 'energy' | 'construction' | 'other';
type Size = 'small' | 'medium' | 'large' | 'enterprise';

// industry, weight, company-name suffix, domain word, one-line profile
const INDUSTRIES = new Weighted<[Industry, string, string, string]>([
  [['manufacturing', '精密机械有限公司', 'machinery', '主营精密零部件加工，客户覆盖汽车与家电行业'], 22],
  [['manufacturing', '电子科技有限公司', 'electronics', '生产消费电子模组，拥有两座自动化工厂'], 12],
  [['it', '信息技术有限公司', 'tech', '为中型企业提供软件开发与系统集成服务'], 12],
  [['finance', '融资租赁有限公司', 'leasing', '面向制造业的设备融资租赁'], 5],
  [['retail', '商贸有限公司', 'trading', '区域连锁零售商，门店遍布华东'], 10],
  [['healthcare', '医疗器械有限公司', 'medical', '研发生产二类医疗器械'], 8],
  [['education', '教育科技有限公司', 'edu', '职业教育与企业培训服务商'], 5],
  [['logistics', '供应链管理有限公司', 'scm', '第三方仓储与城配物流'], 10],
  [['energy', '新能源科技有限公司', 'energy', '光伏组件与储能系统集成'], 8],
  [['construction', '建材有限公司', 'building', '新型建材生产与工程供货'], 6],
  [['other', '实业有限公司', 'group', '多元化经营的民营企业集团'], 2],
]);

interface SizeBand {
  size: Size;
  /** Yearly revenue range, in CNY 10,000 (万元) as Chinese buyers quote it. */
  revenue: [number, number];
  /** Deal size range, in 万元. */
  deal: [number, number];
}

const SIZES = new Weighted<SizeBand>([
  [{ size: 'small', revenue: [500, 8_000], deal: [5, 30] }, 40],
  [{ size: 'medium', revenue: [8_000, 80_000], deal: [15, 120] }, 35],
  [{ size: 'large', revenue: [80_000, 800_000], deal: [50, 500] }, 18],
  [{ size: 'enterprise', revenue: [800_000, 8_000_000], deal: [100, 1_200] }, 7],
]);

const SOLUTIONS = ['MES 生产执行系统', '智能仓储系统', 'ERP 升级', '工业物联网平台', '数据中台', '安防监控升级', '供应链协同平台', '企业培训服务'];

/** An amount drawn log-uniformly between bounds in 万元, rounded to whole 万元, returned in cents. */
function wanYuan(rng: Random, [low, high]: [number, number]): number {
  const wan = Math.round(low * Math.pow(high / low, rng.next()));
  return wan * 10_000 * 100;
}

interface Account {
  id: string;
  name: string;
  shortName: string;
  band: SizeBand;
  city: City;
  /** When the company became a customer; its deals start after that. */
  since: number;
  domain: string;
  owner: string;
}

interface Contact {
  id: string;
  decisionMaker: boolean;
}

interface Run {
  rng: Random;
  phones: Set<string>;
  names: Set<string>;
}

interface Chunk {
  accounts: SampleRecord[];
  contacts: SampleRecord[];
  leads: SampleRecord[];
  opportunities: SampleRecord[];
  activities: SampleRecord[];
}

const ACCOUNTS_PER_CHUNK = 500;

/** Yields per chunk of accounts: accounts, their contacts, the leads, opportunities and activities. */
export function* sampleData(options: SampleOptions = {}): Generator<SampleBatch> {
  const run: Run = { rng: new Random(options.seed ?? 1), phones: new Set(), names: new Set() };
  const total = options.accounts ?? 300;
  for (let first = 0; first < total; first += ACCOUNTS_PER_CHUNK) {
    const chunk: Chunk = { accounts: [], contacts: [], leads: [], opportunities: [], activities: [] };
    for (let i = first; i < Math.min(total, first + ACCOUNTS_PER_CHUNK); i++) addAccount(run, chunk);
    yield* inBatches('accounts', chunk.accounts);
    yield* inBatches('contacts', chunk.contacts);
    yield* inBatches('leads', chunk.leads);
    yield* inBatches('opportunities', chunk.opportunities);
    yield* inBatches('activities', chunk.activities);
  }
}

function addAccount(run: Run, out: Chunk): void {
  const { rng } = run;
  // A third of the accounts came from a converted lead; each account also brings an unrelated lead.
  const convertedAt = rng.chance(0.35) ? between(rng, WINDOW_START, WINDOW_END - 60 * DAY) : null;
  const account = drawAccount(run, convertedAt ?? WINDOW_START, out.accounts);
  const contacts: Contact[] = [];
  for (let n = rng.int(2, 5); n > 0; n--) contacts.push(drawContact(run, account, out.contacts));
  out.leads.push(leadRecord(run, convertedAt === null ? null : { account, at: convertedAt }));
  out.leads.push(leadRecord(run, null));
  for (let n = OPPORTUNITY_COUNTS.pick(rng); n > 0; n--) addOpportunity(run, account, contacts, out);
  for (let n = rng.int(0, 2); n > 0; n--) out.activities.push(accountTouch(rng, account, contacts));
}

const OPPORTUNITY_COUNTS = new Weighted([[0, 25], [1, 35], [2, 22], [3, 12], [4, 6]]);

function drawAccount(run: Run, since: number, out: SampleRecord[]): Account {
  const { rng } = run;
  // Names repeat only once the few thousand combinations run out, so huge runs still end.
  for (let attempt = 1; ; attempt++) {
    const city = CITIES.pick(rng);
    const trade = rng.pick(TRADE_NAMES);
    const [industry, suffix, word, profile] = INDUSTRIES.pick(rng);
    const name = `${city.name.replace(/市$/, '')}${trade.hanzi}${suffix}`;
    if (run.names.has(name) && attempt < 20) continue;
    run.names.add(name);
    const band = SIZES.pick(rng);
    const account: Account = {
      id: rng.uuid(), name, shortName: `${city.name.replace(/市$/, '')}${trade.hanzi}`, band, city, since,
      domain: `${city.pinyin}-${trade.pinyin}${word}.com`, owner: rng.pick(SALES_REPS),
    };
    out.push({
      id: account.id, name, industry, size: band.size, region: city.region, province: city.province, city: city.name,
      address: officeAddress(rng), website: `https://www.${account.domain}`, phone: landline(rng, city),
      annual_revenue: formatMoney(wanYuan(rng, band.revenue)), owner: account.owner, description: `${profile}。`,
    });
    return account;
  }
}

// department, job title, decides on purchases
const ROLES: [string, string, boolean][] = [
  ['总经办', '总经理', true], ['总经办', '副总经理', true], ['采购部', '采购总监', true], ['采购部', '采购经理', false],
  ['信息部', 'CIO', true], ['信息部', 'IT 经理', false], ['财务部', '财务总监', true], ['运营部', '运营总监', false],
  ['生产部', '生产经理', false], ['行政部', '行政主管', false],
];

function drawContact(run: Run, account: Account, out: SampleRecord[]): Contact {
  const { rng } = run;
  const person = personName(rng, rng.chance(0.6) ? 'male' : 'female');
  const [department, title, decisionMaker] = rng.pick(ROLES);
  const contact = { id: rng.uuid(), decisionMaker };
  out.push({
    id: contact.id, name: person.name, account: account.id, job_title: title, department,
    phone: mobilePhone(rng, run.phones), email: `${person.given}.${person.surname}@${account.domain}`,
    wechat_id: rng.chance(0.5) ? `wxid_${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}` : null,
    is_decision_maker: decisionMaker, notes: decisionMaker && rng.chance(0.3) ? '关注投资回报周期，倾向分期付款' : null,
  });
  return contact;
}

// ─── Leads ──────────────────────────────────────────────────────────────────────────────────

type LeadStatus = 'new' | 'contacted' | 'qualified' | 'unqualified' | 'converted';

const OPEN_LEAD_STATUSES = new Weighted<LeadStatus>([['new', 20], ['contacted', 30], ['qualified', 20], ['unqualified', 30]]);
// Scores follow how far a lead got: the scorecard rates converted and qualified leads highest.
const SCORE_RANGES: Record<LeadStatus, [number, number]> = {
  new: [10, 80], contacted: [30, 75], qualified: [55, 90], unqualified: [0, 35], converted: [60, 95],
};
const LEAD_SOURCES = new Weighted<[string, string]>([
  [['website', '在官网下载了产品白皮书'], 25], [['referral', '由老客户推荐'], 15], [['exhibition', '在工博会展位留下名片'], 20],
  [['cold_call', '电话开发，对方表示有兴趣了解'], 15], [['advertising', '通过搜索广告提交了咨询表单'], 10],
  [['partner', '渠道伙伴报备的项目'], 10], [['social_media', '在视频号直播间留资'], 5],
]);
const LEAD_TITLES = ['采购经理', 'IT 经理', '生产经理', '总经理助理', '运营总监', '信息部主管'];

/** A lead; `conversion` is the account it became and when, for converted leads. */
function leadRecord(run: Run, conversion: { account: Account; at: number } | null): SampleRecord {
  const { rng } = run;
  const account = conversion?.account;
  const status: LeadStatus = account ? 'converted' : OPEN_LEAD_STATUSES.pick(rng);
  const [low, high] = SCORE_RANGES[status];
  const city = account?.city ?? CITIES.pick(rng);
  const person = personName(rng, rng.chance(0.6) ? 'male' : 'female');
  const [source, note] = LEAD_SOURCES.pick(rng);
  const email = account ? `${person.given}.${person.surname}@${account.domain}` : personalEmail(rng, person);
  return {
    id: rng.uuid(), name: person.name,
    company: account?.name ?? `${city.name.replace(/市$/, '')}${rng.pick(TRADE_NAMES).hanzi}${INDUSTRIES.pick(rng)[1]}`,
    job_title: rng.pick(LEAD_TITLES), phone: rng.chance(0.8) ? mobilePhone(rng, run.phones) : null,
    email: rng.chance(0.6) ? email : null, province: city.province, city: city.name, status, source,
    score: rng.int(low, high), converted: account !== undefined, converted_account: account?.id ?? null,
    converted_at: conversion ? formatDateTime(conversion.at) : null,
    owner: account?.owner ?? rng.pick(SALES_REPS), notes: `${note}。`,
  };
}

// ─── Opportunities and activities ───────────────────────────────────────────────────────────

type Stage = 'lead' | 'first_contact' | 'needs_analysis' | 'proposal' | 'contract' | 'won' | 'lost';

const OPEN_STAGES: Stage[] = ['lead', 'first_contact', 'needs_analysis', 'proposal', 'contract'];
/** The probability each stage implies, as the studio's default stage weights. */
const PROBABILITY: Record<Stage, number> = { lead: 10, first_contact: 20, needs_analysis: 40, proposal: 60, contract: 80, won: 100, lost: 0 };
const LOST_REASONS = new Weighted([['price', 35], ['competitor', 30], ['no_budget', 15], ['no_decision', 15], ['other', 5]]);

interface Deal {
  id: string;
  stage: Stage;
  openedAt: number;
  /** When the deal was won or lost, or the end of the window while it is open. */
  lastAt: number;
  contact: Contact;
}

function addOpportunity(run: Run, account: Account, contacts: readonly Contact[], out: Chunk): void {
  const { rng } = run;
  const openedAt = between(rng, account.since, WINDOW_END - 7 * DAY);
  const age = (WINDOW_END - openedAt) / DAY;
  // Older deals have more likely been decided; 45% of decided deals are won.
  const closed = rng.chance(Math.min(0.9, age / 365));
  const stage: Stage = closed ? (rng.chance(0.45) ? 'won' : 'lost') : rng.pick(OPEN_STAGES.slice(0, 1 + Math.min(4, Math.floor(age / 20))));
  const lastAt = closed ? Math.min(WINDOW_END, openedAt + rng.int(20, 200) * DAY) : WINDOW_END;
  const contact = contacts.find((candidate) => candidate.decisionMaker) ?? rng.pick(contacts);
  const deal: Deal = { id: rng.uuid(), stage, openedAt, lastAt, contact };
  const solution = rng.pick(SOLUTIONS);
  out.opportunities.push({
    id: deal.id, name: `${account.shortName} ${solution}项目`, account: account.id, contact: contact.id, stage,
    amount: formatMoney(wanYuan(rng, account.band.deal)), probability: PROBABILITY[stage],
    expected_close: formatDate(expectedClose(rng, deal)), closed_at: closed ? formatDate(lastAt) : null,
    lost_reason: stage === 'lost' ? LOST_REASONS.pick(rng) : null,
    owner: rng.chance(0.85) ? account.owner : rng.pick(SALES_REPS),
    description: `客户计划上线“${solution}”，当前由${account.owner}跟进。`,
  });
  for (const activity of dealActivities(rng, account, deal)) out.activities.push(activity);
}

/** Closed deals kept the forecast they had; open forecasts that slipped were moved past today. */
function expectedClose(rng: Random, deal: Deal): number {
  if (deal.stage === 'won' || deal.stage === 'lost') return deal.lastAt - rng.int(-20, 30) * DAY;
  const forecast = deal.openedAt + rng.int(60, 180) * DAY;
  return forecast > WINDOW_END ? forecast : WINDOW_END + rng.int(7, 90) * DAY;
}

// What happens at each step of a deal, in order; a deal logs the steps its stage has reached.
type Step = [kind: ActivityKind, subject: string, notes: string];
type ActivityKind = 'call' | 'email' | 'meeting' | 'note';

const STEPS: Step[] = [
  ['call', '初次电话沟通', '了解客户现状与痛点，约定下周上门拜访。'],
  ['email', '发送产品资料', '发送产品介绍与同行业案例。'],
  ['meeting', '需求调研会议', '与信息部、生产部梳理需求，确认项目范围和预算区间。'],
  ['meeting', '方案演示', '现场演示方案，客户关注与现有系统的集成方式。'],
  ['email', '发送报价单', '按确认的范围发送正式报价，有效期 30 天。'],
  ['meeting', '合同条款谈判', '就付款节点和验收标准达成一致，法务审核中。'],
];

function stepsReached(stage: Stage, rng: Random): number {
  if (stage === 'won') return STEPS.length;
  if (stage === 'lost') return rng.int(1, STEPS.length - 1);
  return OPEN_STAGES.indexOf(stage) + 1;
}

const CLOSING_NOTES: Partial<Record<Stage, Step>> = {
  won: ['note', '签约完成', '合同已双方盖章，交付团队下周进场。'],
  lost: ['note', '输单复盘', '客户选择了其他方案，保持联系，明年预算周期再跟进。'],
};

/** The deal's steps spread over its life, then a closing note once it is won or lost. */
function dealActivities(rng: Random, account: Account, deal: Deal): SampleRecord[] {
  const steps = STEPS.slice(0, stepsReached(deal.stage, rng));
  const span = deal.lastAt - deal.openedAt;
  const about = { account: account.id, opportunity: deal.id, contact: deal.contact.id, owner: account.owner };
  const timed: [Step, number][] = steps.map((step, index) => [step, deal.openedAt + ((index + rng.next()) / steps.length) * span]);
  const closing = CLOSING_NOTES[deal.stage];
  if (closing) timed.push([closing, deal.lastAt]);
  return timed.map(([[kind, subject, notes], at]) => activityRecord(rng, { ...about, kind, subject, notes, at }));
}

function accountTouch(rng: Random, account: Account, contacts: readonly Contact[]): SampleRecord {
  const [kind, subject, notes] = rng.pick<Step>([
    ['call', '节日问候', '中秋节前电话问候，顺带了解明年信息化规划。'],
    ['meeting', '客户拜访', '拜访客户总部，参观新工厂产线。'],
    ['email', '行业活动邀请', '邀请参加我司年度客户大会。'],
  ]);
  const at = between(rng, WINDOW_START, WINDOW_END);
  return activityRecord(rng, { kind, subject, notes, at, account: account.id, opportunity: null, contact: rng.pick(contacts).id, owner: account.owner });
}

interface ActivitySpec {
  kind: ActivityKind;
  subject: string;
  notes: string;
  at: number;
  account: string;
  opportunity: string | null;
  contact: string;
  owner: string;
}

function activityRecord(rng: Random, spec: ActivitySpec): SampleRecord {
  // Meetings and calls happen in office hours, whatever time of day the step fell on.
  const dayStart = WINDOW_START + Math.floor((spec.at - WINDOW_START) / DAY) * DAY;
  const at = Math.min(WINDOW_END, dayStart + rng.int(9, 17) * HOUR + rng.int(0, 59) * 60_000);
  return {
    id: rng.uuid(), subject: spec.subject, kind: spec.kind, account: spec.account, opportunity: spec.opportunity,
    contact: spec.contact, occurred_at: formatDateTime(at), notes: spec.notes, owner: spec.owner,
  };
}
