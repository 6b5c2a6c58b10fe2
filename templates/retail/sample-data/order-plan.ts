import { WINDOW_DAYS, WINDOW_START, Weighted, type Random } from '../../shared/index.js';
import { DAYS, timeOnDay } from './calendar.js';
import type { Channel } from './channels.js';
import type { Shopper } from './shoppers.js';

interface Segment {
  fewest: number;
  most: number;
  /** Mean of an exponential tail above `fewest`, for the few who buy far more than the rest. */
  tail?: number;
  /** Latest day of the window the first order may fall on, so heavy buyers have time to buy. */
  latestFirstDay: number;
}

// Weighted by share of customers: many never buy or buy once, a loyal tenth buys every few weeks.
const SEGMENTS = new Weighted<Segment>([
  [{ fewest: 0, most: 0, latestFirstDay: WINDOW_DAYS - 1 }, 7],
  [{ fewest: 1, most: 1, latestFirstDay: WINDOW_DAYS - 1 }, 33],
  [{ fewest: 2, most: 5, latestFirstDay: 650 }, 32],
  [{ fewest: 6, most: 24, latestFirstDay: 450 }, 18],
  [{ fewest: 20, most: 120, tail: 30, latestFirstDay: 200 }, 10],
]);

/** How many orders a customer places over the window, and the day of the first. */
export function drawOrderPlan(rng: Random): { orderCount: number; firstDay: number } {
  const { fewest, most, tail, latestFirstDay } = SEGMENTS.pick(rng);
  const orderCount = tail ? Math.min(most, fewest + Math.floor(-Math.log(1 - rng.next()) * tail)) : rng.int(fewest, most);
  return { orderCount, firstDay: DAYS.pickIn(rng, 0, latestFirstDay) };
}

/** When and on which channel each order is placed. */
export type OrderPlan = [orderedAt: number, channel: Channel][];

/** When and where the customer orders, in time order: the first order on the day they joined. */
export function planOrders(rng: Random, shopper: Shopper): OrderPlan {
  const plan: OrderPlan = [];
  for (let i = 0; i < shopper.orderCount; i++) {
    const day = i === 0 ? shopper.firstDay : DAYS.pickIn(rng, shopper.firstDay, WINDOW_DAYS - 1);
    const channel = shopper.channels.pick(rng);
    plan.push([timeOnDay(rng, day, channel), channel]);
  }
  return plan.sort((a, b) => a[0] - b[0]);
}

/** Buyers join the membership minutes before their first order; others on their first day. */
export function joinedAt(rng: Random, shopper: Shopper, plan: OrderPlan): number {
  const first = plan[0];
  if (!first) return timeOnDay(rng, shopper.firstDay, 'wechat');
  return Math.max(WINDOW_START, first[0] - rng.int(2, 30) * 60_000);
}
