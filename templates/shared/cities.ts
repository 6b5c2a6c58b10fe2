import { Weighted } from './weighted.js';

/** A prefecture-level city with real districts. */
export interface City {
  province: string;
  name: string;
  pinyin: string;
  areaCode: string;
  region: string;
  districts: string[];
}

// province|city|pinyin|area code|region|weight|districts — weights follow online shopper counts.
const CITY_TABLE = `上海市|上海市|shanghai|21|east|14|浦东新区 徐汇区 静安区 黄浦区 长宁区 闵行区 杨浦区 普陀区
北京市|北京市|beijing|10|north|13|朝阳区 海淀区 东城区 西城区 丰台区 通州区 昌平区
广东省|广州市|guangzhou|20|south|10|天河区 越秀区 海珠区 番禺区 白云区
广东省|深圳市|shenzhen|755|south|10|南山区 福田区 罗湖区 宝安区 龙岗区
广东省|佛山市|foshan|757|south|3|禅城区 南海区 顺德区
浙江省|杭州市|hangzhou|571|east|9|西湖区 上城区 拱墅区 滨江区 余杭区 萧山区
浙江省|宁波市|ningbo|574|east|3|海曙区 鄞州区 江北区
浙江省|温州市|wenzhou|577|east|2|鹿城区 瓯海区 龙湾区
江苏省|南京市|nanjing|25|east|6|玄武区 秦淮区 鼓楼区 建邺区 江宁区
江苏省|苏州市|suzhou|512|east|6|姑苏区 吴中区 相城区 虎丘区 吴江区
江苏省|无锡市|wuxi|510|east|2|梁溪区 滨湖区 新吴区
四川省|成都市|chengdu|28|southwest|7|锦江区 青羊区 武侯区 成华区 金牛区 双流区
重庆市|重庆市|chongqing|23|southwest|5|渝中区 江北区 南岸区 渝北区 九龙坡区
湖北省|武汉市|wuhan|27|central|5|江汉区 武昌区 洪山区 江岸区 汉阳区
湖南省|长沙市|changsha|731|central|4|岳麓区 芙蓉区 天心区 开福区 雨花区
陕西省|西安市|xian|29|northwest|4|雁塔区 碑林区 新城区 未央区 长安区
天津市|天津市|tianjin|22|north|3|和平区 南开区 河西区 滨海新区
山东省|济南市|jinan|531|east|2|历下区 市中区 槐荫区
山东省|青岛市|qingdao|532|east|3|市南区 市北区 崂山区 黄岛区
福建省|厦门市|xiamen|592|east|2|思明区 湖里区 集美区
福建省|福州市|fuzhou|591|east|2|鼓楼区 台江区 仓山区
河南省|郑州市|zhengzhou|371|central|3|金水区 二七区 中原区 管城回族区
安徽省|合肥市|hefei|551|east|3|蜀山区 包河区 庐阳区 瑶海区
辽宁省|沈阳市|shenyang|24|northeast|2|和平区 沈河区 皇姑区 浑南区
辽宁省|大连市|dalian|411|northeast|2|中山区 沙河口区 甘井子区
云南省|昆明市|kunming|871|southwest|2|五华区 盘龙区 官渡区
黑龙江省|哈尔滨市|haerbin|451|northeast|2|南岗区 道里区 香坊区
广西壮族自治区|南宁市|nanning|771|south|1|青秀区 兴宁区 西乡塘区
江西省|南昌市|nanchang|791|central|1|东湖区 西湖区 红谷滩区
河北省|石家庄市|shijiazhuang|311|north|1|长安区 桥西区 裕华区
山西省|太原市|taiyuan|351|north|1|小店区 迎泽区 杏花岭区`;

const CITY_ROWS = CITY_TABLE.split('\n').map((line): [City, number] => {
  const [province = '', name = '', pinyin = '', areaCode = '', region = '', weight = '1', districts = ''] = line.split('|');
  return [{ province, name, pinyin, areaCode, region, districts: districts.split(' ') }, Number(weight)];
});

/** Cities weighted by how many online shoppers live there. */
export const CITIES = new Weighted(CITY_ROWS);

/** The city named `name`; throws on a typo in a table. */
export function cityNamed(name: string): City {
  const row = CITY_ROWS.find(([city]) => city.name === name);
  if (!row) throw new Error(`unknown city ${name}`);
  return row[0];
}

/** The city's name as it starts a company name: 杭州市 → 杭州. */
export function shortCityName(city: City): string {
  return city.name.replace(/市$/, '');
}
