import type { Level } from './member-levels.js';
import type { DraftOrder } from './orders.js';

/** What the customer's counted orders add up to. */
export interface Totals {
  spentCents: number;
  count: number;
  first: number | null;
  last: number | null;
}

/** Sums paid, shipped and completed orders only, as the customer's aggregates do. */
export function orderTotals(orders: readonly DraftOrder[]): Totals {
  const totals: Totals = { spentCents: 0, count: 0, first: null, last: null };
  for (const order of orders) {
    if (!order.counted) continue;
    totals.spentCents += order.amountCents;
    totals.count += 1;
    totals.first ??= order.orderedAt;
    totals.last = order.orderedAt;
  }
  return totals;
}

/** What the customer's orders and ledger add up to, written onto the customer record. */
export interface History {
  orders: readonly DraftOrder[];
  totals: Totals;
  level: Level;
  balance: number;
}
