import { DAY, HOUR, WINDOW_END, WINDOW_START, between, formatDateTime, type Random, type SampleRecord } from '../../shared/index.js';
import type { Account } from './accounts.js';
import type { Contact } from './contacts.js';
import type { Deal } from './opportunities.js';
import { OPEN_STAGES, type Stage } from './stages.js';

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
export function dealActivities(rng: Random, account: Account, deal: Deal): SampleRecord[] {
  const steps = STEPS.slice(0, stepsReached(deal.stage, rng));
  const span = deal.lastAt - deal.openedAt;
  const about = { account: account.id, opportunity: deal.id, contact: deal.contact.id, owner: account.owner };
  const timed: [Step, number][] = steps.map((step, index) => [step, deal.openedAt + ((index + rng.next()) / steps.length) * span]);
  const closing = CLOSING_NOTES[deal.stage];
  if (closing) timed.push([closing, deal.lastAt]);
  return timed.map(([[kind, subject, notes], at]) => activityRecord(rng, { ...about, kind, subject, notes, at }));
}

/** A contact with the account outside any deal: greetings, visits, event invitations. */
export function accountTouch(rng: Random, account: Account, contacts: readonly Contact[]): SampleRecord {
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
