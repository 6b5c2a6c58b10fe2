import { DAY, WINDOW_END, Weighted, between, formatDate, formatMoney, type Random } from '../../shared/index.js';
import type { Account } from './accounts.js';
import { dealActivities } from './activities.js';
import type { Contact } from './contacts.js';
import type { Chunk, Run } from './run.js';
import { SALES_REPS } from './sales-reps.js';
import { wanYuan } from './size-bands.js';
import { OPEN_STAGES, PROBABILITY, type Stage } from './stages.js';

const SOLUTIONS = ['MES 生产执行系统', '智能仓储系统', 'ERP 升级', '工业物联网平台', '数据中台', '安防监控升级', '供应链协同平台', '企业培训服务'];
const LOST_REASONS = new Weighted([['price', 35], ['competitor', 30], ['no_budget', 15], ['no_decision', 15], ['other', 5]]);

/** A deal's timeline and main contact, which its activities follow. */
export interface Deal {
  id: string;
  stage: Stage;
  openedAt: number;
  /** When the deal was won or lost, or the end of the window while it is open. */
  lastAt: number;
  contact: Contact;
}

/** Draws a deal with the account, writes it and the activities it went through. */
export function addOpportunity(run: Run, account: Account, contacts: readonly Contact[], out: Chunk): void {
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
