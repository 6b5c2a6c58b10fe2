import { mobilePhone, personName, workEmail, type SampleRecord } from '../../shared/index.js';
import type { Account } from './accounts.js';
import type { Run } from './run.js';

/** A person at an account, as deals and activities refer to them. */
export interface Contact {
  id: string;
  decisionMaker: boolean;
}

// department, job title, decides on purchases
const ROLES: [string, string, boolean][] = [
  ['总经办', '总经理', true], ['总经办', '副总经理', true], ['采购部', '采购总监', true], ['采购部', '采购经理', false],
  ['信息部', 'CIO', true], ['信息部', 'IT 经理', false], ['财务部', '财务总监', true], ['运营部', '运营总监', false],
  ['生产部', '生产经理', false], ['行政部', '行政主管', false],
];

/** Draws someone working at the account and writes their record. */
export function drawContact(run: Run, account: Account, out: SampleRecord[]): Contact {
  const { rng } = run;
  const person = personName(rng, rng.chance(0.6) ? 'male' : 'female');
  const [department, title, decisionMaker] = rng.pick(ROLES);
  const contact = { id: rng.uuid(), decisionMaker };
  out.push({
    id: contact.id, name: person.name, account: account.id, job_title: title, department,
    phone: mobilePhone(rng, run.phones), email: workEmail(person, account.domain),
    wechat_id: rng.chance(0.5) ? `wxid_${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 14)}` : null,
    is_decision_maker: decisionMaker, notes: decisionMaker && rng.chance(0.3) ? '关注投资回报周期，倾向分期付款' : null,
  });
  return contact;
}
