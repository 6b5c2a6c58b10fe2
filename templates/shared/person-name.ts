import type { Random } from './random.js';
import { syllables } from './syllables.js';
import { Weighted } from './weighted.js';

// Frequencies per 10,000 people, from the 2020 census surname ranking.
const SURNAMES = new Weighted(
  syllables(
    '王:wang:725 李:li:719 张:zhang:683 刘:liu:538 陈:chen:453 杨:yang:308 赵:zhao:229 黄:huang:223 ' +
      '周:zhou:212 吴:wu:205 徐:xu:167 孙:sun:154 胡:hu:131 朱:zhu:126 高:gao:121 林:lin:118 何:he:117 ' +
      '郭:guo:115 马:ma:105 罗:luo:86 梁:liang:84 宋:song:77 郑:zheng:72 谢:xie:66 韩:han:62 唐:tang:61 ' +
      '冯:feng:59 于:yu:58 董:dong:57 萧:xiao:56 程:cheng:53 曹:cao:52 袁:yuan:50 邓:deng:49 许:xu:48 ' +
      '傅:fu:45 沈:shen:45 曾:zeng:44 彭:peng:43 吕:lv:43 苏:su:42 卢:lu:41 蒋:jiang:40 蔡:cai:39 贾:jia:33',
  ),
);

const GIVEN = {
  female: syllables(
    '婷:ting 静:jing 敏:min 丽:li 芳:fang 娟:juan 霞:xia 燕:yan 玲:ling 雪:xue 慧:hui 琳:lin 欣:xin 怡:yi ' +
      '佳:jia 思:si 雨:yu 梦:meng 晓:xiao 悦:yue 诗:shi 涵:han 萱:xuan 颖:ying 倩:qian 蕾:lei 瑶:yao 洁:jie 璐:lu 妍:yan',
  ).map(([s]) => s),
  male: syllables(
    '伟:wei 强:qiang 磊:lei 军:jun 勇:yong 杰:jie 涛:tao 明:ming 超:chao 斌:bin 鹏:peng 浩:hao 宇:yu 俊:jun ' +
      '峰:feng 辉:hui 凯:kai 博:bo 文:wen 轩:xuan 哲:zhe 睿:rui 晨:chen 阳:yang 刚:gang 建:jian 志:zhi 华:hua 海:hai 东:dong',
  ).map(([s]) => s),
};

/** A person's name with its pinyin, for ASCII e-mail addresses. */
export interface PersonName {
  name: string;
  surname: string;
  given: string;
}

/** A realistic Chinese name: surname by frequency, one or two given characters. */
export function personName(rng: Random, gender: 'female' | 'male'): PersonName {
  const surname = SURNAMES.pick(rng);
  const pool = GIVEN[gender];
  const first = rng.pick(pool);
  const second = rng.chance(0.6) ? rng.pick(pool) : undefined;
  const given = second && second !== first ? [first, second] : [first];
  return {
    name: surname.hanzi + given.map((s) => s.hanzi).join(''),
    surname: surname.pinyin,
    given: given.map((s) => s.pinyin).join(''),
  };
}
