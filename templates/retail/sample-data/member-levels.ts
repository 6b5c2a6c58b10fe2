import { element, formatMoney, type Random, type SampleRecord } from '../../shared/index.js';

/** A membership level, reached by total spend. */
export interface Level {
  id: string;
  rank: number;
  code: string;
  name: string;
  minSpentCents: number;
  /** Points per CNY 100 paid. */
  rate: number;
  record: SampleRecord;
}

const LEVELS: [code: string, name: string, minSpent: number, rate: number, benefits: string][] = [
  ['normal', '普通会员', 0, 100, '消费 1 元积 1 分；生日当月领取生日礼券'],
  ['silver', '银卡会员', 2000, 120, '1.2 倍积分；生日礼券；每季度一张无门槛 10 元券'],
  ['gold', '金卡会员', 8000, 150, '1.5 倍积分；全场包邮；新品优先购；专属客服'],
  ['diamond', '钻石会员', 20000, 200, '2 倍积分；全场包邮；专属顾问一对一服务；年度会员礼盒；门店护理体验'],
];

/** The four levels, lowest first. */
export function buildLevels(rng: Random): Level[] {
  return LEVELS.map(([code, name, minSpent, rate, benefits], index) => {
    const id = rng.uuid();
    const minSpentCents = minSpent * 100;
    const record = { id, code, name, rank: index + 1, min_spent: formatMoney(minSpentCents), points_rate: rate, benefits };
    return { id, rank: index + 1, code, name, minSpentCents, rate, record };
  });
}

/** The highest level that a spend of `spentCents` reaches. */
export function levelFor(levels: readonly Level[], spentCents: number): Level {
  return levels.reduce((best, level) => (spentCents >= level.minSpentCents ? level : best), element(levels, 0));
}
