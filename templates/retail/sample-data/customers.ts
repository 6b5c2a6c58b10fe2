import { formatDateTime, formatMoney, homeAddress, type SampleRecord } from '../../shared/index.js';
import type { Chunk } from './chunk.js';
import { couponRecord, planCoupons } from './coupons.js';
import { orderTotals, type History } from './customer-history.js';
import { tagsOf } from './customer-tags.js';
import { writeInteractions } from './interactions.js';
import { levelFor } from './member-levels.js';
import { joinedAt, planOrders } from './order-plan.js';
import { drawOrders } from './orders.js';
import { writeLedger } from './points-ledger.js';
import type { Run } from './run.js';
import { drawShopper, type Shopper } from './shoppers.js';
import { writeTasks } from './tasks.js';

/** Draws one customer and everything that hangs off them: orders, ledger, coupons, interactions, tasks. */
export function addCustomer(run: Run, out: Chunk): void {
  const shopper = drawShopper(run);
  const plan = planOrders(run.rng, shopper);
  const coupons = planCoupons(run, shopper, joinedAt(run.rng, shopper, plan));
  const orders = drawOrders(run, shopper, plan, coupons, out);
  const balance = writeLedger(run, shopper, orders, out.points_ledger);
  const totals = orderTotals(orders);
  const history: History = { orders, totals, level: levelFor(run.ref.levels, totals.spentCents), balance };
  out.customers.push(customerRecord(run, shopper, history));
  for (const coupon of coupons) out.coupons.push(couponRecord(shopper, coupon));
  writeInteractions(run, shopper, orders, history.level, out.interactions);
  writeTasks(run, shopper, history, out.tasks);
}

const CUSTOMER_NOTES = ['偏好棉麻材质', '敏感肌，推荐无香精产品', '只用顺丰快递', '工作日白天不方便接电话', '喜欢简约款式，不要大 logo'];

function customerRecord(run: Run, shopper: Shopper, { orders, totals, level, balance }: History): SampleRecord {
  const { rng } = run;
  return {
    id: shopper.id,
    name: shopper.person.name,
    gender: shopper.gender,
    birthday: shopper.birthday?.text ?? null,
    phone: shopper.phone,
    email: shopper.email,
    taobao_open_uid: shopper.identity.taobao,
    jd_open_id: shopper.identity.jd,
    wechat_union_id: shopper.identity.wechat,
    province: shopper.city.province,
    city: shopper.city.name,
    district: shopper.district,
    address: homeAddress(rng),
    source_channel: shopper.source,
    member_level: level.id,
    points_balance: balance,
    total_spent: formatMoney(totals.spentCents),
    orders_count: totals.count,
    first_order_at: totals.first === null ? null : formatDateTime(totals.first),
    last_order_at: totals.last === null ? null : formatDateTime(totals.last),
    tags: tagsOf(run, shopper, orders, totals),
    organization: shopper.organization?.id ?? null,
    consent_marketing: shopper.consent,
    notes: rng.chance(0.06) ? rng.pick(CUSTOMER_NOTES) : null,
  };
}
