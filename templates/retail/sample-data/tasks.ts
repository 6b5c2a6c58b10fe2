import { DAY, WINDOW_END, formatDateTime, shanghai, type Random, type SampleRecord } from '../../shared/index.js';
import type { History } from './customer-history.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';
import { SERVICE_STAFF, VIP_MANAGERS } from './staff.js';

type Priority = 'low' | 'normal' | 'high' | 'urgent';

/** Writes the follow-ups the team would set for the customer: refunds, VIP visits, win-backs, birthdays. */
export function writeTasks(run: Run, shopper: Shopper, history: History, out: SampleRecord[]): void {
  const { rng } = run;
  const { name } = shopper.person;
  const add = (title: string, dueAt: number, priority: Priority, owner: string): void => {
    out.push(taskRecord(rng, shopper.id, title, dueAt, priority, owner));
  };
  for (const order of history.orders) {
    if (order.refundedAt !== null && rng.chance(0.5)) add(`跟进退款原因：${order.orderNo}`, order.refundedAt + 2 * DAY, 'high', rng.pick(SERVICE_STAFF));
  }
  if (history.level.rank >= 3) add(`季度回访：${name}`, WINDOW_END + rng.int(3, 60) * DAY, 'normal', rng.pick(VIP_MANAGERS));
  const { last, count } = history.totals;
  if (last !== null && count >= 3 && last < WINDOW_END - 180 * DAY) {
    add(`唤醒沉睡会员：${name}`, WINDOW_END + rng.int(3, 14) * DAY, history.level.rank >= 2 ? 'urgent' : 'high', rng.pick(SERVICE_STAFF));
  }
  if (shopper.birthday?.month === 11 && shopper.consent) {
    add(`生日关怀：${name}`, shanghai(2026, 11, shopper.birthday.day, 10), 'low', rng.pick(SERVICE_STAFF));
  }
}

/** Past-due tasks are mostly done; a few are still open, as in any real team. */
function taskRecord(rng: Random, customer: string, title: string, dueAt: number, priority: Priority, owner: string): SampleRecord {
  const roll = rng.next();
  const status = dueAt < WINDOW_END
    ? roll < 0.85 ? 'done' : roll < 0.9 ? 'cancelled' : roll < 0.95 ? 'in_progress' : 'todo'
    : roll < 0.2 ? 'in_progress' : 'todo';
  return { id: rng.uuid(), title, due_at: formatDateTime(dueAt), status, priority, customer, done: status === 'done', owner };
}
