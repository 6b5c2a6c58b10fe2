import { cityNamed, type City } from '../../shared/index.js';

/** One of the brand's own stores. */
export interface Store {
  name: string;
  city: City;
  district: string;
}

/** The brand's stores, in the cities with the most shoppers. */
export const STORES: Store[] = [
  ['上海南京西路店', '上海市', '静安区'], ['上海徐家汇店', '上海市', '徐汇区'], ['上海陆家嘴店', '上海市', '浦东新区'],
  ['北京三里屯店', '北京市', '朝阳区'], ['北京西单店', '北京市', '西城区'], ['杭州湖滨店', '杭州市', '上城区'],
  ['南京新街口店', '南京市', '秦淮区'], ['苏州观前街店', '苏州市', '姑苏区'], ['成都春熙路店', '成都市', '锦江区'],
  ['深圳万象城店', '深圳市', '罗湖区'], ['广州天河路店', '广州市', '天河区'], ['武汉江汉路店', '武汉市', '江汉区'],
  ['重庆解放碑店', '重庆市', '渝中区'], ['西安小寨店', '西安市', '雁塔区'],
].map(([name = '', city = '', district = '']) => ({ name, city: cityNamed(city), district }));
