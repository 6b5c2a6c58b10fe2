import {
  CITIES,
  TRADE_NAMES,
  Weighted,
  formatDateTime,
  mobilePhone,
  personName,
  personalEmail,
  shortCityName,
  workEmail,
  type SampleRecord,
} from '../../shared/index.js';
import type { Account } from './accounts.js';
import { INDUSTRIES } from './industries.js';
import type { Run } from './run.js';
import { SALES_REPS } from './sales-reps.js';

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
export function leadRecord(run: Run, conversion: { account: Account; at: number } | null): SampleRecord {
  const { rng } = run;
  const account = conversion?.account;
  const status: LeadStatus = account ? 'converted' : OPEN_LEAD_STATUSES.pick(rng);
  const [low, high] = SCORE_RANGES[status];
  const city = account?.city ?? CITIES.pick(rng);
  const person = personName(rng, rng.chance(0.6) ? 'male' : 'female');
  const [source, note] = LEAD_SOURCES.pick(rng);
  const email = account ? workEmail(person, account.domain) : personalEmail(rng, person);
  return {
    id: rng.uuid(), name: person.name,
    company: account?.name ?? `${shortCityName(city)}${rng.pick(TRADE_NAMES).hanzi}${INDUSTRIES.pick(rng)[1]}`,
    job_title: rng.pick(LEAD_TITLES), phone: rng.chance(0.8) ? mobilePhone(rng, run.phones) : null,
    email: rng.chance(0.6) ? email : null, province: city.province, city: city.name, status, source,
    score: rng.int(low, high), converted: account !== undefined, converted_account: account?.id ?? null,
    converted_at: conversion ? formatDateTime(conversion.at) : null,
    owner: account?.owner ?? rng.pick(SALES_REPS), notes: `${note}。`,
  };
}
