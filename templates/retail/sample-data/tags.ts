import type { Random, SampleRecord } from '../../shared/index.js';

/** The key a tagging rule refers to a tag by. */
export type TagKey =
  | 'high_value' | 'repeat' | 'new' | 'dormant' | 'group' | 'store_regular' | 'promo'
  | 'skincare_fan' | 'home_lover' | 'sensitive_skin' | 'mom' | 'refund_risk' | 'never_bought';

const TAGS: [TagKey, string, string, string][] = [
  ['high_value', '高价值', '#f5222d', '累计消费 5000 元以上'],
  ['repeat', '复购达人', '#fa8c16', '有效订单 10 单以上'],
  ['new', '新客', '#52c41a', '近 90 天内首次下单'],
  ['dormant', '沉睡客户', '#8c8c8c', '超过 180 天未下单'],
  ['group', '企业团购', '#2f54eb', '通过企业团购或员工福利购买'],
  ['store_regular', '门店常客', '#1677ff', '门店订单 3 单以上'],
  ['promo', '大促敏感', '#eb2f96', '半数以上订单在双11、618 等大促期间'],
  ['skincare_fan', '护肤达人', '#13c2c2', '购买护肤品 4 件以上'],
  ['home_lover', '家居控', '#a0d911', '购买家纺、家居用品 4 件以上'],
  ['sensitive_skin', '敏感肌', '#faad14', '客服记录为敏感肌，推荐温和配方'],
  ['mom', '宝妈', '#ff85c0', '有孩子的妈妈，关注母婴适用商品'],
  ['refund_risk', '高退款', '#cf1322', '退款订单 2 单以上'],
  ['never_bought', '未购会员', '#bfbfbf', '已入会但尚未下单'],
];

/** A tag record with the key its rules use. */
export interface Tag {
  key: TagKey;
  record: SampleRecord & { id: string };
}

/** The merchant's tags, each with a fresh id. */
export function buildTags(rng: Random): Tag[] {
  return TAGS.map(([key, name, color, description]) => ({ key, record: { id: rng.uuid(), name, color, description } }));
}
