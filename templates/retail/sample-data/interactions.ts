import { HOUR, WINDOW_END, between, formatDateTime, type Random, type SampleRecord } from '../../shared/index.js';
import type { Level } from './member-levels.js';
import type { DraftOrder } from './orders.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';
import { SERVICE_STAFF, STORE_STAFF, VIP_MANAGERS } from './staff.js';

const REFUND_REASONS = ['尺码不合适', '颜色与图片有差异', '拍错了，不想要了', '商品有瑕疵', '物流太慢'];
const SKIN_TYPES = ['混合偏油', '干性', '敏感肌', '中性'];

type InteractionKind = 'call' | 'email' | 'meeting' | 'note' | 'chat';

interface Interaction {
  kind: InteractionKind;
  at: number;
  subject: string;
  content: string;
  owner: string;
  seconds?: number;
}

/** Writes the customer's contacts with the brand in time order: refunds, questions, VIP calls and more. */
export function writeInteractions(run: Run, shopper: Shopper, orders: readonly DraftOrder[], level: Level, out: SampleRecord[]): void {
  const { rng } = run;
  const logged: Interaction[] = [];
  for (const order of orders) {
    if (order.refundedAt !== null) logged.push(refundRequest(rng, shopper, order));
    else if (order.channel !== 'store' && rng.chance(0.08)) logged.push(orderQuestion(rng, order));
  }
  const first = orders[0];
  if (first && level.rank >= 3) {
    for (let n = rng.int(1, 3); n > 0; n--) logged.push(vipCall(rng, first.orderedAt));
  }
  if (first) logged.push(...occasionalContacts(rng, shopper, orders, first.orderedAt));
  for (const item of logged.sort((a, b) => a.at - b.at)) {
    out.push({
      id: rng.uuid(), customer: shopper.id, kind: item.kind, occurred_at: formatDateTime(item.at),
      duration_seconds: item.seconds ?? null, subject: item.subject, content: item.content, owner: item.owner,
    });
  }
}

/** Less frequent contacts: group-purchase meetings, e-invoices by e-mail, store visits. */
function occasionalContacts(rng: Random, shopper: Shopper, orders: readonly DraftOrder[], since: number): Interaction[] {
  const logged: Interaction[] = [];
  if (shopper.organization && rng.chance(0.5)) {
    const content = `与${shopper.organization.name}沟通中秋员工福利团购，预计采购家纺礼盒 ${rng.int(2, 30) * 10} 份，待对方确认预算。`;
    const seconds = rng.int(30, 90) * 60;
    logged.push({ kind: 'meeting', at: between(rng, since, WINDOW_END), subject: '企业团购方案沟通', content, owner: rng.pick(VIP_MANAGERS), seconds });
  }
  const counted = orders.filter((order) => order.counted);
  if (shopper.email && counted.length > 0 && rng.chance(0.1)) {
    const order = rng.pick(counted);
    const content = `应客户要求开具订单 ${order.orderNo} 的电子发票，已发送至 ${shopper.email}。`;
    const at = Math.min(WINDOW_END, order.orderedAt + rng.int(1, 72) * HOUR);
    logged.push({ kind: 'email', at, subject: '电子发票', content, owner: rng.pick(SERVICE_STAFF) });
  }
  if (shopper.store && rng.chance(0.1)) {
    const content = `在${shopper.store.name}试用新品，肤质：${rng.pick(SKIN_TYPES)}，推荐了温和修护系列。`;
    logged.push({ kind: 'note', at: between(rng, since, WINDOW_END), subject: '到店体验', content, owner: rng.pick(STORE_STAFF) });
  }
  return logged;
}

function refundRequest(rng: Random, shopper: Shopper, order: DraftOrder): Interaction {
  const refundedAt = order.refundedAt ?? order.orderedAt;
  const at = Math.max(order.paidAt ?? order.orderedAt, refundedAt - rng.int(1, 48) * HOUR);
  const reason = rng.pick(REFUND_REASONS);
  if (order.channel === 'store') {
    const content = `顾客在${shopper.store?.name ?? '门店'}办理订单 ${order.orderNo} 退货，原因：${reason}。`;
    return { kind: 'note', at, subject: '门店退货', content, owner: rng.pick(STORE_STAFF) };
  }
  const content = `订单 ${order.orderNo}（${order.lead.name}）申请退款，原因：${reason}。已核实并同意退款。`;
  return { kind: 'chat', at, subject: '申请退款', content, owner: rng.pick(SERVICE_STAFF) };
}

function orderQuestion(rng: Random, order: DraftOrder): Interaction {
  const at = Math.min(WINDOW_END, order.orderedAt + rng.int(10, 2880) * 60_000);
  const owner = rng.pick(SERVICE_STAFF);
  const product = order.lead.name;
  if (order.lead.category === 'apparel' && rng.chance(0.5)) {
    return { kind: 'chat', at, subject: '咨询尺码', content: `咨询“${product}”的尺码，按身高体重推荐了 M 码。`, owner };
  }
  if (order.lead.category === 'skincare' && rng.chance(0.5)) {
    return { kind: 'chat', at, subject: '咨询使用方法', content: `询问“${product}”的使用顺序，已说明洁面后使用，首次使用先在耳后试用。`, owner };
  }
  return rng.chance(0.5)
    ? { kind: 'chat', at, subject: '咨询物流进度', content: `订单 ${order.orderNo} 询问发货时间，已告知 48 小时内发出。`, owner }
    : { kind: 'chat', at, subject: '修改收货地址', content: `订单 ${order.orderNo} 发货前修改了收货地址，已更新。`, owner };
}

const VIP_CALL_NOTES = [
  '回访近期购买体验，客户对面料和做工满意，希望上新时短信通知。',
  '告知会员日双倍积分活动，客户表示会关注。',
  '邀请参加门店会员沙龙，客户本次时间不便，下次再约。',
  '确认生日礼盒收货地址，客户更新了新地址。',
];

function vipCall(rng: Random, since: number): Interaction {
  const content = rng.pick(VIP_CALL_NOTES);
  return { kind: 'call', at: between(rng, since, WINDOW_END), subject: 'VIP 会员回访', content, owner: rng.pick(VIP_MANAGERS), seconds: rng.int(60, 900) };
}
