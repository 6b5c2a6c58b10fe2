import { syllables } from './syllables.js';

/** Trade names of made-up companies, with pinyin for their web domains. */
export const TRADE_NAMES = syllables(
  '云帆:yunfan 恒信:hengxin 华远:huayuan 瑞丰:ruifeng 嘉禾:jiahe 启明:qiming 星河:xinghe 众诚:zhongcheng ' +
    '海纳:haina 安泰:antai 鼎盛:dingsheng 汇通:huitong 博远:boyuan 新锐:xinrui 天成:tiancheng 远航:yuanhang ' +
    '立达:lida 明德:mingde 和光:heguang 睿智:ruizhi 致远:zhiyuan 长风:changfeng 凌云:lingyun 正泰:zhengtai',
).map(([s]) => s);
