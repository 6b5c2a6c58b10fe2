import { DAY, WINDOW_END, type Random } from '../../shared/index.js';
import type { Totals } from './customer-history.js';
import type { DraftOrder } from './orders.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';
import type { TagKey } from './tags.js';

/** The ids of the tags the customer's behaviour earns. */
export function tagsOf(run: Run, shopper: Shopper, orders: readonly DraftOrder[], totals: Totals): string[] {
  return tagKeys(run.rng, shopper, habitsOf(orders), totals).map((key) => {
    const id = run.ref.tags.get(key);
    if (id === undefined) throw new Error(`tag ${key} missing`);
    return id;
  });
}

interface Habits {
  storeOrders: number;
  promoOrders: number;
  skincareItems: number;
  homeItems: number;
  refunds: number;
}

function habitsOf(orders: readonly DraftOrder[]): Habits {
  const habits: Habits = { storeOrders: 0, promoOrders: 0, skincareItems: 0, homeItems: 0, refunds: 0 };
  for (const order of orders) {
    if (order.status === 'refunded') habits.refunds += 1;
    if (!order.counted) continue;
    if (order.channel === 'store') habits.storeOrders += 1;
    if (order.promo) habits.promoOrders += 1;
    for (const category of order.categories) {
      if (category === 'skincare') habits.skincareItems += 1;
      if (category === 'home_textile' || category === 'home_goods') habits.homeItems += 1;
    }
  }
  return habits;
}

/** Tags follow behaviour, as a merchant's tagging rules would; a few are staff observations. */
function tagKeys(rng: Random, shopper: Shopper, habits: Habits, totals: Totals): TagKey[] {
  const keys: TagKey[] = [];
  if (totals.spentCents >= 500_000) keys.push('high_value');
  if (totals.count >= 10) keys.push('repeat');
  if (totals.first !== null && totals.first >= WINDOW_END - 90 * DAY) keys.push('new');
  if (totals.last !== null && totals.last < WINDOW_END - 180 * DAY) keys.push('dormant');
  if (shopper.organization) keys.push('group');
  if (habits.storeOrders >= 3) keys.push('store_regular');
  if (totals.count >= 3 && habits.promoOrders * 2 >= totals.count) keys.push('promo');
  if (habits.skincareItems >= 4) keys.push('skincare_fan');
  if (habits.homeItems >= 4) keys.push('home_lover');
  if (habits.skincareItems > 0 && rng.chance(0.06)) keys.push('sensitive_skin');
  if (shopper.gender === 'female' && rng.chance(0.08)) keys.push('mom');
  if (habits.refunds >= 2) keys.push('refund_risk');
  if (shopper.orderCount === 0) keys.push('never_bought');
  return keys;
}
