import { DAY, WINDOW_END, formatDate, formatDateTime, formatMoney, shanghai, type Random, type SampleRecord } from '../../shared/index.js';
import type { Run } from './run.js';
import type { Shopper } from './shoppers.js';

/** A coupon as issued, redeemed once an order spends it. */
export interface DraftCoupon {
  id: string;
  code: string;
  title: string;
  valueCents: number;
  minSpendCents: number;
  issuedAt: number;
  expiresOn: string;
  redeemedAt: number | null;
  orderId: string | null;
}

// Campaign coupons go only to customers who consented to marketing.
const CAMPAIGNS: [title: string, issuedAt: number, expiresOn: string, value: number, minSpend: number][] = [
  ['618 年中狂欢券', shanghai(2025, 6, 1, 10), '2025-06-20', 30, 300],
  ['双11 会员专享券', shanghai(2025, 11, 1, 10), '2025-11-12', 50, 500],
  ['618 年中狂欢券', shanghai(2026, 6, 1, 10), '2026-06-20', 30, 300],
];

/** The coupons a customer receives: a welcome coupon, birthday coupons and campaign coupons, oldest first. */
export function planCoupons(run: Run, shopper: Shopper, joinedAt: number): DraftCoupon[] {
  const { rng } = run;
  const coupons = [newCoupon(run, '新人入会礼券', joinedAt, formatDate(joinedAt + 30 * DAY), 20, 199)];
  if (shopper.birthday) {
    for (const year of [2024, 2025, 2026]) {
      const issuedAt = shanghai(year, shopper.birthday.month, 1, 9);
      const lastDay = new Date(Date.UTC(year, shopper.birthday.month, 0)).getUTCDate();
      if (issuedAt >= joinedAt && issuedAt <= WINDOW_END) {
        coupons.push(newCoupon(run, '生日礼券', issuedAt, `${formatDate(issuedAt).slice(0, 8)}${lastDay}`, 50, 299));
      }
    }
  }
  for (const [title, issuedAt, expiresOn, value, minSpend] of CAMPAIGNS) {
    if (shopper.consent && issuedAt >= joinedAt && rng.chance(0.85)) coupons.push(newCoupon(run, title, issuedAt, expiresOn, value, minSpend));
  }
  return coupons.sort((a, b) => a.issuedAt - b.issuedAt);
}

function newCoupon(run: Run, title: string, issuedAt: number, expiresOn: string, value: number, minSpend: number): DraftCoupon {
  const code = `${run.rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 5)}${(++run.couponSeq).toString(32).toUpperCase().padStart(5, '0')}`;
  return { id: run.rng.uuid(), code, title, valueCents: value * 100, minSpendCents: minSpend * 100, issuedAt, expiresOn, redeemedAt: null, orderId: null };
}

/** Spends the oldest coupon that applies, as checkout pages suggest it; most buyers accept. */
export function useCoupon(rng: Random, coupons: DraftCoupon[], at: number, subtotal: number, orderId: string): DraftCoupon | undefined {
  const day = formatDate(at);
  const coupon = coupons.find(
    (c) => c.orderId === null && c.issuedAt <= at && day <= c.expiresOn && subtotal >= c.minSpendCents && c.valueCents < subtotal,
  );
  if (!coupon || !rng.chance(0.75)) return undefined;
  coupon.redeemedAt = at;
  coupon.orderId = orderId;
  return coupon;
}

/** The coupon's record: redeemed, expired unused, or still issued at the end of the window. */
export function couponRecord(shopper: Shopper, coupon: DraftCoupon): SampleRecord {
  const expired = coupon.orderId === null && coupon.expiresOn < formatDate(WINDOW_END);
  return {
    id: coupon.id,
    code: coupon.code,
    customer: shopper.id,
    title: coupon.title,
    value: formatMoney(coupon.valueCents),
    min_spend: formatMoney(coupon.minSpendCents),
    status: coupon.orderId !== null ? 'redeemed' : expired ? 'expired' : 'issued',
    issued_at: formatDateTime(coupon.issuedAt),
    expires_at: coupon.expiresOn,
    redeemed_at: coupon.redeemedAt === null ? null : formatDateTime(coupon.redeemedAt),
    order: coupon.orderId,
  };
}
