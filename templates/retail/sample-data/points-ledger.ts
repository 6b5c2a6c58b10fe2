import { WINDOW_END, between, formatDate, formatDateTime, shanghai, type Random, type SampleRecord } from '../../shared/index.js';
import type { DraftOrder } from './orders.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';

type PointsEvent =
  | { at: number; kind: 'earn' | 'reverse'; order: DraftOrder }
  | { at: number; kind: 'redeem' | 'goodwill' | 'expire' };

/** Points earned in one entry, spent oldest first; what is left expires at the end of the next year. */
interface Lot {
  year: number;
  orderId: string | null;
  remaining: number;
}

// Points earned in 2024 expire at the end of 2025; later years expire after the window.
const EXPIRY_2025 = shanghai(2025, 12, 31, 23, 59, 59);
const REWARDS: [cost: number, gift: string][] = [
  [500, '品牌帆布袋'], [800, '旅行装洁面乳'], [1000, '10 元无门槛券'], [2000, '香薰蜡烛礼盒'], [3000, '真丝眼罩'],
];

function pointsEvents(rng: Random, orders: readonly DraftOrder[]): PointsEvent[] {
  const events: PointsEvent[] = [];
  for (const order of orders) {
    if (order.paidAt === null || order.points === 0) continue;
    events.push({ at: order.paidAt, kind: 'earn', order });
    if (order.refundedAt !== null) events.push({ at: order.refundedAt, kind: 'reverse', order });
  }
  const first = events[0];
  if (!first) return events;
  for (let n = Math.floor(orders.length / 4) + (rng.chance(0.3) ? 1 : 0); n > 0; n--) {
    events.push({ at: between(rng, first.at, WINDOW_END), kind: 'redeem' });
  }
  if (rng.chance(0.02)) events.push({ at: between(rng, first.at, WINDOW_END), kind: 'goodwill' });
  if (first.at < EXPIRY_2025) events.push({ at: EXPIRY_2025, kind: 'expire' });
  return events.sort((a, b) => a.at - b.at);
}

/** Writes the customer's ledger in time order and returns the final balance. */
export function writeLedger(run: Run, shopper: Shopper, orders: readonly DraftOrder[], out: SampleRecord[]): number {
  const lots: Lot[] = [];
  let balance = 0;
  for (const event of pointsEvents(run.rng, orders)) {
    const entry = ledgerEntry(run.rng, event, lots, balance);
    if (!entry) continue;
    balance += entry.change;
    out.push({
      id: run.rng.uuid(), customer: shopper.id, change: entry.change, reason: entry.reason, balance_after: balance,
      occurred_at: formatDateTime(event.at), expires_at: entry.expiresAt, order: 'order' in event ? event.order.id : null,
      note: entry.note,
    });
  }
  return balance;
}

interface LedgerEntry {
  change: number;
  reason: 'earn' | 'redeem' | 'expire' | 'adjust';
  expiresAt: string | null;
  note: string;
}

function ledgerEntry(rng: Random, event: PointsEvent, lots: Lot[], balance: number): LedgerEntry | null {
  const year = Number(formatDate(event.at).slice(0, 4));
  switch (event.kind) {
    case 'earn':
      lots.push({ year, orderId: event.order.id, remaining: event.order.points });
      return { change: event.order.points, reason: 'earn', expiresAt: `${year + 1}-12-31`, note: `订单 ${event.order.orderNo} 消费积分` };
    case 'goodwill':
      lots.push({ year, orderId: null, remaining: 200 });
      return { change: 200, reason: 'adjust', expiresAt: `${year + 1}-12-31`, note: '客服补偿：物流延误' };
    case 'reverse': {
      const lot = lots.find((candidate) => candidate.orderId === event.order.id);
      const taken = lot ? takeAll(lot) : 0;
      return taken === 0 ? null : { change: -taken, reason: 'adjust', expiresAt: null, note: `订单 ${event.order.orderNo} 退款，扣回积分` };
    }
    case 'redeem': {
      const affordable = REWARDS.filter(([cost]) => cost <= balance);
      if (affordable.length === 0) return null;
      const [cost, gift] = rng.pick(affordable);
      spendOldestFirst(lots, cost);
      return { change: -cost, reason: 'redeem', expiresAt: null, note: `兑换：${gift}` };
    }
    case 'expire': {
      const expired = lots.filter((lot) => lot.year <= 2024).reduce((sum, lot) => sum + takeAll(lot), 0);
      return expired === 0 ? null : { change: -expired, reason: 'expire', expiresAt: null, note: '2024 年获得的积分到期清零' };
    }
  }
}

function takeAll(lot: Lot): number {
  const taken = lot.remaining;
  lot.remaining = 0;
  return taken;
}

function spendOldestFirst(lots: Lot[], points: number): void {
  let left = points;
  for (const lot of lots) {
    const taken = Math.min(lot.remaining, left);
    lot.remaining -= taken;
    left -= taken;
    if (left === 0) return;
  }
}
