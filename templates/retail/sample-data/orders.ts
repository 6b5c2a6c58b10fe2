import { DAY, WINDOW_END, formatDate, formatDateTime, formatMoney, type Random } from '../../shared/index.js';
import { isPromoTime } from './calendar.js';
import type { Channel } from './channels.js';
import type { Chunk } from './chunk.js';
import { useCoupon, type DraftCoupon } from './coupons.js';
import { levelFor, type Level } from './member-levels.js';
import { drawItems } from './order-items.js';
import type { OrderPlan } from './order-plan.js';
import type { Category, Product } from './products.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';

type OrderStatus = 'pending' | 'paid' | 'shipped' | 'completed' | 'refunded' | 'cancelled';

/** An order as drawn, with what the ledger, tags and interactions need to know about it. */
export interface DraftOrder {
  id: string;
  orderNo: string;
  channel: Channel;
  status: OrderStatus;
  orderedAt: number;
  paidAt: number | null;
  refundedAt: number | null;
  amountCents: number;
  counted: boolean;
  promo: boolean;
  /** Points earned at payment, at the level the customer held then. */
  points: number;
  lead: Product;
  categories: Category[];
}

const COUNTED = new Set<OrderStatus>(['paid', 'shipped', 'completed']);

/** Draws the planned orders in time order, each at the level the spend before it reached. */
export function drawOrders(run: Run, shopper: Shopper, plan: OrderPlan, coupons: DraftCoupon[], out: Chunk): DraftOrder[] {
  const orders: DraftOrder[] = [];
  let spentCents = 0;
  for (const [orderedAt, channel] of plan) {
    const order = drawOrder(run, shopper, { orderedAt, channel, coupons, spentCents }, out);
    if (order.counted) spentCents += order.amountCents;
    orders.push(order);
  }
  return orders;
}

interface OrderContext {
  orderedAt: number;
  channel: Channel;
  coupons: DraftCoupon[];
  /** Spend counted so far, which sets the level and so the points rate of this order. */
  spentCents: number;
}

function drawOrder(run: Run, shopper: Shopper, context: OrderContext, out: Chunk): DraftOrder {
  const { rng } = run;
  const { orderedAt, channel } = context;
  const id = rng.uuid();
  const seq = ++run.orderSeq;
  const orderNo = `SO${formatDate(orderedAt).replaceAll('-', '')}${String(seq).padStart(7, '0')}`;
  const level = levelFor(run.ref.levels, context.spentCents);
  const promo = channel !== 'store' && isPromoTime(orderedAt);
  const items = drawItems(run, id, promo, out.order_items);
  const status = drawStatus(rng, channel, orderedAt);
  const paidAt = status === 'pending' || status === 'cancelled' ? null : paymentTime(rng, channel, orderedAt);
  const coupon = paidAt === null ? undefined : useCoupon(rng, context.coupons, orderedAt, items.subtotal, id);
  const discount = coupon ? coupon.valueCents : promo ? Math.floor(items.subtotal / 30_000) * 3_000 : 0;
  const shipping = shippingFee(channel, level, items.subtotal - discount);
  const amountCents = items.subtotal - discount + shipping;
  out.orders.push({
    id, order_no: orderNo, customer: shopper.id, channel, status,
    ordered_at: formatDateTime(orderedAt), paid_at: paidAt === null ? null : formatDateTime(paidAt),
    amount: formatMoney(amountCents), discount: formatMoney(discount), shipping_fee: formatMoney(shipping),
    store_name: channel === 'store' ? (shopper.store?.name ?? null) : null,
    platform_order_id: platformOrderId(rng, channel, orderedAt, seq),
  });
  const refundedAt = status === 'refunded' && paidAt !== null ? Math.min(WINDOW_END, paidAt + rng.int(2, 10) * DAY) : null;
  return {
    id, orderNo, channel, status, orderedAt, paidAt, refundedAt, amountCents, promo,
    counted: COUNTED.has(status), points: Math.floor((amountCents * level.rate) / 10_000),
    lead: items.lead, categories: items.categories,
  };
}

/** Online buyers pay within half an hour of ordering; at a till it takes seconds. */
function paymentTime(rng: Random, channel: Channel, orderedAt: number): number {
  const seconds = channel === 'store' ? rng.int(0, 120) : rng.int(5, 1800);
  return Math.min(WINDOW_END, orderedAt + seconds * 1000);
}

/** Free over CNY 99 and for gold members and above (a level benefit); JD charges less. */
function shippingFee(channel: Channel, level: Level, payable: number): number {
  if (channel === 'store' || payable >= 9_900 || level.rank >= 3) return 0;
  return channel === 'jd' ? 600 : 1_000;
}

/** Online orders move pending → paid → shipped → completed with age; a few are refunded or cancelled. */
function drawStatus(rng: Random, channel: Channel, orderedAt: number): OrderStatus {
  const age = WINDOW_END - orderedAt;
  if (rng.chance(channel === 'store' ? 0.005 : 0.025)) return 'cancelled';
  if (channel === 'store') return rng.chance(0.015) ? 'refunded' : 'completed';
  if (age < DAY) return rng.chance(0.2) ? 'pending' : 'paid';
  if (age < 3 * DAY) return rng.chance(0.5) ? 'paid' : 'shipped';
  if (rng.chance(0.035)) return 'refunded';
  return age < 10 * DAY && rng.chance(0.6) ? 'shipped' : 'completed';
}

/** The id each platform gives the order; the running sequence at the end keeps them unique. */
function platformOrderId(rng: Random, channel: Channel, orderedAt: number, seq: number): string | null {
  const tail = String(seq).padStart(7, '0');
  if (channel === 'taobao' || channel === 'tmall') return `${rng.int(1, 4)}${rng.digits(11)}${tail}`;
  if (channel === 'jd') return `3${rng.digits(4)}${tail}`;
  if (channel === 'wechat') return `42000${rng.digits(5)}${formatDate(orderedAt).replaceAll('-', '')}${rng.digits(3)}${tail}`;
  return null;
}
