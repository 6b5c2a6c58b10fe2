import type { Random } from './random.js';

const ROADS = '中山路 人民路 解放路 建设路 文化路 和平路 新华路 长江路 黄河路 青年路 胜利路 光明路 东风路 朝阳路 幸福路 滨江路'.split(' ');
const COMPOUNDS = '阳光花园 锦绣华庭 翠苑小区 世纪新城 金色家园 万科城市花园 保利香槟国际 绿城桂花园 碧桂园 融创壹号院 东方明珠苑 和平里小区'.split(' ');

/** A residential street address such as 人民路188号阳光花园3栋2单元1502室. */
export function homeAddress(rng: Random): string {
  const room = `${rng.int(1, 33)}${String(rng.int(1, 4)).padStart(2, '0')}`;
  return `${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(COMPOUNDS)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${room}室`;
}

/** An office address such as 建设路88号汇金大厦15楼. */
export function officeAddress(rng: Random): string {
  const tower = rng.pick('汇金大厦 国贸中心 科技园A座 环球中心 创业大厦 金融广场'.split(' '));
  return `${rng.pick(ROADS)}${rng.int(1, 999)}号${tower}${rng.int(2, 38)}楼`;
}
