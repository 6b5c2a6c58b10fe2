/**
 * Deterministic sample data for the retail template: a brand selling on Taobao/Tmall, JD, a
 * WeChat mini program and in its own stores, over the two years ending 2026-10-31.
 *
 * Everything is drawn from one seeded stream, so a seed always replays byte-identical records.
 * The stream, formatters and Chinese reference data are exported for the b2b-sales template.
 * Customers are generated in chunks: each chunk's customers, orders, ledger… are yielded before
 * the next chunk is drawn, which keeps memory flat however many customers are asked for.
 */

/** One batch of records of one object, ready for a bulk insert. */
export interface SampleBatch {
  object: string;
  records: Record<string, unknown>[];
}

/** How much retail data to generate, and from which seed. */
export interface SampleOptions {
  seed?: number;
  /** Number of customers; 3000 by default. */
  customers?: number;
}

type SampleRecord = Record<string, unknown>;

// ─── Shared primitives (the b2b-sales template draws from them too) ─────────────────────────

/** Largest batch yielded, so that a consumer can insert each batch in one statement. */
const MAX_BATCH = 2000;

/** A seeded mulberry32 stream: the same seed replays the same draws on every platform. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return element(items, Math.floor(this.next() * items.length));
  }

  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return out;
  }

  digits(length: number): string {
    return this.chars('0123456789', length);
  }

  /** A version-4-shaped UUID taken from the stream rather than from crypto, so ids replay with the seed. */
  uuid(): string {
    const hex = this.chars('0123456789abcdef', 30);
    const variant = '89ab'.charAt(this.int(0, 3));
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-${variant}${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
  }
}

/** Picks items with a probability proportional to their weight. */
export class Weighted<T> {
  private readonly items: T[] = [];
  private readonly cumulative: number[] = [];

  constructor(entries: Iterable<readonly [T, number]>) {
    let total = 0;
    for (const [item, weight] of entries) {
      total += weight;
      this.items.push(item);
      this.cumulative.push(total);
    }
  }

  pick(rng: Random): T {
    return this.pickIn(rng, 0, this.items.length - 1);
  }

  /** Picks among the items at positions first..last only, keeping their relative weights. */
  pickIn(rng: Random, first: number, last: number): T {
    const low = first === 0 ? 0 : element(this.cumulative, first - 1);
    const target = low + rng.next() * (element(this.cumulative, last) - low);
    let lo = first;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (element(this.cumulative, mid) > target) hi = mid;
      else lo = mid + 1;
    }
    return element(this.items, lo);
  }
}

/** items[index], failing loudly instead of yielding undefined. */
function element<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} outside 0..${items.length - 1}`);
  return item;
}

/** A whole second between two instants (epoch ms), as timestamps in the data carry no milliseconds. */
export function between(rng: Random, from: number, to: number): number {
  return from + Math.floor((rng.next() * (to - from)) / 1000) * 1000;
}

/** Splits one object's records into batches of at most MAX_BATCH. */
export function* inBatches(object: string, records: SampleRecord[]): Generator<SampleBatch> {
  for (let start = 0; start < records.length; start += MAX_BATCH) {
    yield { object, records: records.slice(start, start + MAX_BATCH) };
  }
}

/** Money is kept in integer cents while drawing, so sums stay exact; written as "199.00". */
export function formatMoney(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Milliseconds in an hour. */
export const HOUR = 3_600_000;
/** Milliseconds in a day. */
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

/** Epoch milliseconds of a wall-clock time in Asia/Shanghai (UTC+8 all year round). */
function shanghai(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET;
}

/** ISO 8601 with the +08:00 offset the merchant sees, e.g. 2026-03-08T20:15:07+08:00. */
export function formatDateTime(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** Calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function formatDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}

/** First and last instants of the sample window: the two years ending 2026-10-31. */
export const WINDOW_START = shanghai(2024, 11, 1);
export const WINDOW_END = shanghai(2026, 10, 31, 23, 59, 59);
const WINDOW_DAYS = Math.round((WINDOW_END + 1000 - WINDOW_START) / DAY);

// ─── Chinese reference data ─────────────────────────────────────────────────────────────────

interface Syllable {
  hanzi: string;
  pinyin: string;
}

/** Parses "王:wang:725 李:li:719 …" (the weight is optional). */
function syllables(table: string): [Syllable, number][] {
  return table.split(' ').map((entry) => {
    const [hanzi = '', pinyin = '', weight = '1'] = entry.split(':');
    return [{ hanzi, pinyin }, Number(weight)];
  });
}

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

const MOBILE_PREFIXES = (
  '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 ' +
  '173 175 176 177 178 180 181 182 183 185 186 187 188 189 191 193 195 198 199'
).split(' ');

/** A mainland mobile number in E.164 form, never one already in `used`. */
export function mobilePhone(rng: Random, used: Set<string>): string {
  for (;;) {
    const phone = `+86${rng.pick(MOBILE_PREFIXES)}${rng.digits(8)}`;
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

const MAIL_DOMAINS = new Weighted<string>([
  ['163.com', 25], ['126.com', 10], ['foxmail.com', 5], ['sina.com', 5],
  ['gmail.com', 4], ['outlook.com', 5], ['icloud.com', 10],
]);

/** A personal mailbox: QQ mail (numeric) for a third of people, a pinyin address otherwise. */
export function personalEmail(rng: Random, person: PersonName): string {
  if (rng.chance(0.33)) return `${rng.int(100_000_000, 3_999_999_999)}@qq.com`;
  const local = rng.chance(0.5) ? `${person.surname}${person.given}` : `${person.given}.${person.surname}`;
  return `${local}${rng.chance(0.6) ? rng.int(1, 999) : ''}@${MAIL_DOMAINS.pick(rng)}`;
}

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
function cityNamed(name: string): City {
  const row = CITY_ROWS.find(([city]) => city.name === name);
  if (!row) throw new Error(`unknown city ${name}`);
  return row[0];
}

const ROADS = '中山路 人民路 解放路 建设路 文化路 和平路 新华路 长江路 黄河路 青年路 胜利路 光明路 东风路 朝阳路 幸福路 滨江路'.split(' ');
const COMPOUNDS = '阳光花园 锦绣华庭 翠苑小区 世纪新城 金色家园 万科城市花园 保利香槟国际 绿城桂花园 碧桂园 融创壹号院 东方明珠苑 和平里小区'.split(' ');

/** A residential street address such as 人民路188号阳光花园3栋2单元1502室. */
function homeAddress(rng: Random): string {
  const room = `${rng.int(1, 33)}${String(rng.int(1, 4)).padStart(2, '0')}`;
  return `${rng.pick(ROADS)}${rng.int(1, 999)}号${rng.pick(COMPOUNDS)}${rng.int(1, 30)}栋${rng.int(1, 4)}单元${room}室`;
}

/** An office address such as 建设路88号汇金大厦15楼. */
export function officeAddress(rng: Random): string {
  const tower = rng.pick('汇金大厦 国贸中心 科技园A座 环球中心 创业大厦 金融广场'.split(' '));
  return `${rng.pick(ROADS)}${rng.int(1, 999)}号${tower}${rng.int(2, 38)}楼`;
}

/** A switchboard number in E.164 form: country code, area code without the trunk 0, 8 digits. */
export function landline(rng: Random, city: City): string {
  return `+86${city.areaCode}${rng.int(2, 8)}${rng.digits(7)}`;
}

/** Trade names of made-up companies, with pinyin for their web domains. */
export const TRADE_NAMES = syllables(
  '云帆:yunfan 恒信:hengxin 华远:huayuan 瑞丰:ruifeng 嘉禾:jiahe 启明:qiming 星河:xinghe 众诚:zhongcheng ' +
    '海纳:haina 安泰:antai 鼎盛:dingsheng 汇通:huitong 博远:boyuan 新锐:xinrui 天成:tiancheng 远航:yuanhang ' +
    '立达:lida 明德:mingde 和光:heguang 睿智:ruizhi 致远:zhiyuan 长风:changfeng 凌云:lingyun 正泰:zhengtai',
).map(([s]) => s);

// ─── Retail catalogue ───────────────────────────────────────────────────────────────────────

type Channel = 'taobao' | 'tmall' | 'jd' | 'store' | 'wechat';
type SourceChannel = Channel | 'other';
type Category = 'apparel' | 'home_textile' | 'home_goods' | 'skincare' | 'makeup';

interface Product {
  id: string;
  name: string;
  category: Category;
  priceCents: number;
  record: SampleRecord;
}

// code|category|name|price (CNY)|popularity|variants (code:label, comma-separated; STD = no variant)
const CATALOGUE = `AP101|apparel|纯棉圆领短袖T恤|99|9|WHT:白色,BLK:黑色,OAT:燕麦色,NVY:藏青色
AP102|apparel|亚麻宽松衬衫|259|4|WHT:白色,KHK:卡其色,BLU:雾霾蓝
AP103|apparel|羊毛针织开衫|499|3|GRY:浅灰色,CML:驼色
AP104|apparel|高腰垂感阔腿裤|229|4|BLK:黑色,BEG:米白色
AP105|apparel|轻薄立领羽绒服|699|3|BLK:黑色,NVY:藏青色,RED:酒红色
AP106|apparel|真丝睡衣套装|599|2|PNK:藕粉色,CHP:香槟色
AP107|apparel|冰丝防晒衣|159|5|WHT:白色,PNK:樱花粉,BLU:天空蓝
AP108|apparel|加绒连帽卫衣|199|4|GRY:麻灰色,BLK:黑色
AP109|apparel|莫代尔家居服套装|269|4|GRY:灰色,PNK:粉色
HT201|home_textile|60支长绒棉四件套|899|4|Q15:1.5米床,Q18:1.8米床
HT202|home_textile|天丝凉感夏被|459|3|150:150×200cm,200:200×230cm
HT203|home_textile|泰国天然乳胶枕|299|4|STD:
HT204|home_textile|白鹅绒羽绒被|1599|2|150:150×200cm,200:200×230cm
HT205|home_textile|珊瑚绒午睡毯|129|4|GRY:灰色,BLU:蓝色
HT206|home_textile|A类纯棉毛巾三条装|79|8|STD:
HT207|home_textile|全棉加厚浴巾|99|6|WHT:白色,GRY:灰色
HT208|home_textile|大豆纤维床垫|1299|1|Q15:1.5米床,Q18:1.8米床
HG301|home_goods|大豆蜡香薰蜡烛|129|5|CDR:雪松,ROS:玫瑰,WTE:白茶
HG302|home_goods|陶瓷马克杯|59|5|WHT:白色,BLU:蓝色
HG303|home_goods|藤编收纳篮|89|3|S:小号,L:大号
HG304|home_goods|无火香薰扩香套装|149|4|STD:
HG305|home_goods|玻璃密封储物罐三件套|99|3|STD:
HG306|home_goods|日式棉麻靠垫|79|3|BEG:米色,GRN:墨绿色
SK401|skincare|玻尿酸保湿精华液 30ml|259|9|STD:
SK402|skincare|氨基酸温和洁面乳 120g|89|10|STD:
SK403|skincare|烟酰胺亮肤面膜 5片装|99|9|STD:
SK404|skincare|神经酰胺修护面霜 50g|329|7|STD:
SK405|skincare|轻透防晒乳 SPF50+ 40ml|149|8|STD:
SK406|skincare|舒缓保湿爽肤水 200ml|139|7|STD:
SK407|skincare|视黄醇抗皱眼霜 15g|299|4|STD:
SK408|skincare|烟酰胺焕亮身体乳 250ml|119|5|STD:
MU501|makeup|丝绒雾面口红|169|4|01:01 正红色,06:06 豆沙色,12:12 枫叶棕
MU502|makeup|持妆轻薄气垫粉底|239|4|N1:N1 象牙白,N2:N2 自然色
MU503|makeup|防水细芯眉笔|79|4|BR:棕色,GR:灰棕色
MU504|makeup|九色眼影盘|199|3|WRM:暖棕色,PNK:蜜桃粉
MU505|makeup|控油定妆散粉|149|3|STD:`;

// Share of the retail price that the goods cost the brand, by category.
const COST_RATIO: Record<Category, [number, number]> = {
  apparel: [0.35, 0.45],
  home_textile: [0.4, 0.5],
  home_goods: [0.35, 0.5],
  skincare: [0.18, 0.28],
  makeup: [0.2, 0.3],
};

/** An EAN-13 under the GS1 China prefix 693, with its check digit. */
function ean13(item: number): string {
  const body = `6938127${String(item).padStart(5, '0')}`;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(body.charAt(i)) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The products, and the same products weighted by how well they sell. */
interface Catalogue {
  products: Product[];
  bySales: Weighted<Product>;
}

function buildCatalogue(rng: Random): Catalogue {
  const entries: [Product, number][] = [];
  for (const line of CATALOGUE.split('\n')) {
    const [code = '', category = '', base = '', price = '0', popularity = '1', variants = ''] = line.split('|');
    const variantList = variants.split(',');
    for (const variant of variantList) {
      const [suffix = '', label = ''] = variant.split(':');
      const product = newProduct(rng, {
        sku: suffix === 'STD' ? code : `${code}-${suffix}`,
        name: label ? `${base} ${label}` : base,
        category: asCategory(category),
        priceCents: Number(price) * 100,
        barcode: ean13(entries.length + 1),
      });
      entries.push([product, Number(popularity) / variantList.length]);
    }
  }
  return { products: entries.map(([product]) => product), bySales: new Weighted(entries) };
}

function isCategory(text: string): text is Category {
  return Object.hasOwn(COST_RATIO, text);
}

function asCategory(text: string): Category {
  if (!isCategory(text)) throw new Error(`unknown category ${text}`);
  return text;
}

interface ProductSpec {
  sku: string;
  name: string;
  category: Category;
  priceCents: number;
  barcode: string;
}

function newProduct(rng: Random, spec: ProductSpec): Product {
  const [low, high] = COST_RATIO[spec.category];
  const cost = Math.round((spec.priceCents * (low + rng.next() * (high - low))) / 100) * 100;
  const id = rng.uuid();
  const record = {
    id,
    sku: spec.sku,
    name: spec.name,
    category: spec.category,
    price: formatMoney(spec.priceCents),
    cost: formatMoney(cost),
    barcode: spec.barcode,
    is_active: !rng.chance(0.08),
  };
  return { id, name: spec.name, category: spec.category, priceCents: spec.priceCents, record };
}

interface Store {
  name: string;
  city: City;
  district: string;
}

const STORES: Store[] = [
  ['上海南京西路店', '上海市', '静安区'], ['上海徐家汇店', '上海市', '徐汇区'], ['上海陆家嘴店', '上海市', '浦东新区'],
  ['北京三里屯店', '北京市', '朝阳区'], ['北京西单店', '北京市', '西城区'], ['杭州湖滨店', '杭州市', '上城区'],
  ['南京新街口店', '南京市', '秦淮区'], ['苏州观前街店', '苏州市', '姑苏区'], ['成都春熙路店', '成都市', '锦江区'],
  ['深圳万象城店', '深圳市', '罗湖区'], ['广州天河路店', '广州市', '天河区'], ['武汉江汉路店', '武汉市', '江汉区'],
  ['重庆解放碑店', '重庆市', '渝中区'], ['西安小寨店', '西安市', '雁塔区'],
].map(([name = '', city = '', district = '']) => ({ name, city: cityNamed(city), district }));

interface Level {
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

function buildLevels(rng: Random): Level[] {
  return LEVELS.map(([code, name, minSpent, rate, benefits], index) => {
    const id = rng.uuid();
    const minSpentCents = minSpent * 100;
    const record = { id, code, name, rank: index + 1, min_spent: formatMoney(minSpentCents), points_rate: rate, benefits };
    return { id, rank: index + 1, code, name, minSpentCents, rate, record };
  });
}

function levelFor(levels: readonly Level[], spentCents: number): Level {
  return levels.reduce((best, level) => (spentCents >= level.minSpentCents ? level : best), element(levels, 0));
}

type TagKey =
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

// ─── Calendar of the sample window ──────────────────────────────────────────────────────────

interface CalendarDay {
  weight: number;
  promo: boolean;
}

/** Shoppers buy more at weekends and during 双11 / 618 / 双12, less over the Spring Festival. */
function calendarDay(index: number): CalendarDay {
  const date = new Date(WINDOW_START + index * DAY + SHANGHAI_OFFSET);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const stamp = formatDate(WINDOW_START + index * DAY);
  let weight = weekend ? 1.25 : 1;
  let promo = true;
  if (month === 11 && day === 11) weight *= 8;
  else if (month === 11 && day < 11) weight *= 2;
  else if (month === 6 && day === 18) weight *= 5;
  else if (month === 6 && day < 18) weight *= 1.6;
  else if (month === 12 && day === 12) weight *= 2.5;
  else promo = false;
  const springFestival = (stamp >= '2025-01-25' && stamp <= '2025-02-05') || (stamp >= '2026-02-13' && stamp <= '2026-02-24');
  return { weight: springFestival ? weight * 0.5 : weight, promo };
}

const CALENDAR = Array.from({ length: WINDOW_DAYS }, (_, index) => calendarDay(index));
const DAYS = new Weighted(CALENDAR.map((day, index): [number, number] => [index, day.weight]));

// Hour-of-day shape: online peaks late in the evening, stores follow opening hours.
const ONLINE_HOURS = new Weighted(
  [2, 1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 1.5, 2, 3, 3, 3.5, 3, 3, 3, 3, 3, 3.5, 4.5, 6, 7, 6.5, 4].map(
    (weight, hour): [number, number] => [hour, weight],
  ),
);
const STORE_HOURS = new Weighted(
  [1, 2, 2.5, 2, 2.5, 3, 3, 3, 3.5, 4, 3.5, 2].map((weight, offset): [number, number] => [10 + offset, weight]),
);

function timeOnDay(rng: Random, day: number, channel: Channel): number {
  const hour = (channel === 'store' ? STORE_HOURS : ONLINE_HOURS).pick(rng);
  return WINDOW_START + day * DAY + hour * HOUR + rng.int(0, 3599) * 1000;
}

function isPromoTime(ms: number): boolean {
  return element(CALENDAR, Math.floor((ms - WINDOW_START) / DAY)).promo;
}

// ─── Run state ──────────────────────────────────────────────────────────────────────────────

interface Organization {
  id: string;
  name: string;
}

interface Reference {
  levels: Level[];
  tags: Map<TagKey, string>;
  products: Weighted<Product>;
  organizations: Organization[];
}

interface Run {
  rng: Random;
  ref: Reference;
  /** Phones handed out so far: customers.phone is unique. */
  phones: Set<string>;
  orderSeq: number;
  couponSeq: number;
}

/** Per-customer objects, in the order their batches are yielded. */
interface Chunk {
  customers: SampleRecord[];
  orders: SampleRecord[];
  order_items: SampleRecord[];
  points_ledger: SampleRecord[];
  coupons: SampleRecord[];
  interactions: SampleRecord[];
  tasks: SampleRecord[];
}

const CUSTOMERS_PER_CHUNK = 500;

/**
 * Yields the retail sample data in dependency order: reference objects first, then per chunk of
 * customers their customers, orders, order items, points ledger, coupons, interactions and tasks.
 */
export function* sampleData(options: SampleOptions = {}): Generator<SampleBatch> {
  const rng = new Random(options.seed ?? 1);
  const total = options.customers ?? 3000;
  const levels = buildLevels(rng);
  const tags = TAGS.map(([key, name, color, description]) => ({ key, record: { id: rng.uuid(), name, color, description } }));
  const catalogue = buildCatalogue(rng);
  const phones = new Set<string>();
  const organizations = buildOrganizations(rng, phones);
  yield* inBatches('member_levels', levels.map((level) => level.record));
  yield* inBatches('tags', tags.map((tag) => tag.record));
  yield* inBatches('products', catalogue.products.map((product) => product.record));
  yield* inBatches('organizations', organizations.records);
  yield* inBatches('contacts', organizations.contacts);
  const ref: Reference = {
    levels,
    tags: new Map(tags.map((tag) => [tag.key, tag.record.id])),
    products: catalogue.bySales,
    organizations: organizations.refs,
  };
  const run: Run = { rng, ref, phones, orderSeq: 0, couponSeq: 0 };
  for (let first = 0; first < total; first += CUSTOMERS_PER_CHUNK) {
    const chunk = emptyChunk();
    for (let i = first; i < Math.min(total, first + CUSTOMERS_PER_CHUNK); i++) addCustomer(run, chunk);
    yield* chunkBatches(chunk);
  }
}

function emptyChunk(): Chunk {
  return { customers: [], orders: [], order_items: [], points_ledger: [], coupons: [], interactions: [], tasks: [] };
}

function* chunkBatches(chunk: Chunk): Generator<SampleBatch> {
  yield* inBatches('customers', chunk.customers);
  yield* inBatches('orders', chunk.orders);
  yield* inBatches('order_items', chunk.order_items);
  yield* inBatches('points_ledger', chunk.points_ledger);
  yield* inBatches('coupons', chunk.coupons);
  yield* inBatches('interactions', chunk.interactions);
  yield* inBatches('tasks', chunk.tasks);
}

// ─── Organizations and their contacts ───────────────────────────────────────────────────────

const ORG_KINDS: [industry: string, suffix: string, ascii: string][] = [
  ['internet', '网络科技有限公司', 'tech'], ['internet', '信息技术有限公司', 'it'], ['finance', '投资管理有限公司', 'capital'],
  ['manufacturing', '精密机械有限公司', 'machinery'], ['manufacturing', '电子有限公司', 'electronics'],
  ['education', '教育科技有限公司', 'edu'], ['healthcare', '生物科技有限公司', 'bio'], ['retail', '商贸有限公司', 'trading'],
  ['other', '物业服务有限公司', 'property'],
];
const CONTACT_TITLES = '行政经理 人事主管 采购专员 工会主席 行政专员 总经理助理 福利专员'.split(' ');

interface Organizations {
  refs: Organization[];
  records: SampleRecord[];
  contacts: SampleRecord[];
}

function buildOrganizations(rng: Random, phones: Set<string>): Organizations {
  const result: Organizations = { refs: [], records: [], contacts: [] };
  const names = new Set<string>();
  while (result.refs.length < 40) {
    const city = CITIES.pick(rng);
    const trade = rng.pick(TRADE_NAMES);
    const [industry, suffix, ascii] = rng.pick(ORG_KINDS);
    const name = `${city.name.replace(/市$/, '')}${trade.hanzi}${suffix}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = rng.uuid();
    const domain = `${city.pinyin}-${trade.pinyin}${ascii}.com.cn`;
    result.refs.push({ id, name });
    result.records.push({
      id, name, industry, phone: landline(rng, city), email: `hr@${domain}`, website: `https://www.${domain}`,
      province: city.province, city: city.name, address: officeAddress(rng), notes: null,
    });
    for (let n = rng.int(2, 4); n > 0; n--) result.contacts.push(orgContact(rng, phones, id, domain));
  }
  return result;
}

function orgContact(rng: Random, phones: Set<string>, organization: string, domain: string): SampleRecord {
  const person = personName(rng, rng.chance(0.7) ? 'female' : 'male');
  return {
    id: rng.uuid(),
    name: person.name,
    organization,
    job_title: rng.pick(CONTACT_TITLES),
    phone: mobilePhone(rng, phones),
    email: `${person.given}.${person.surname}@${domain}`,
    notes: rng.chance(0.3) ? '负责端午、中秋、春节员工福利采购' : null,
  };
}

// ─── Customers ──────────────────────────────────────────────────────────────────────────────

interface Shopper {
  id: string;
  person: PersonName;
  gender: 'female' | 'male' | 'unknown';
  birthday: { month: number; day: number; text: string } | null;
  source: SourceChannel;
  city: City;
  district: string;
  store: Store | null;
  channels: Weighted<Channel>;
  orderCount: number;
  firstDay: number;
  consent: boolean;
  organization: Organization | null;
  identity: { taobao: string | null; jd: string | null; wechat: string | null };
  phone: string | null;
  email: string | null;
}

const SOURCES = new Weighted<SourceChannel>([['tmall', 30], ['taobao', 15], ['jd', 20], ['store', 20], ['wechat', 12], ['other', 3]]);
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

interface Segment {
  fewest: number;
  most: number;
  /** Mean of an exponential tail above `fewest`, for the few who buy far more than the rest. */
  tail?: number;
  /** Latest day of the window the first order may fall on, so heavy buyers have time to buy. */
  latestFirstDay: number;
}

// Weighted by share of customers: many never buy or buy once, a loyal tenth buys every few weeks.
const SEGMENTS = new Weighted<Segment>([
  [{ fewest: 0, most: 0, latestFirstDay: WINDOW_DAYS - 1 }, 7],
  [{ fewest: 1, most: 1, latestFirstDay: WINDOW_DAYS - 1 }, 33],
  [{ fewest: 2, most: 5, latestFirstDay: 650 }, 32],
  [{ fewest: 6, most: 24, latestFirstDay: 450 }, 18],
  [{ fewest: 20, most: 120, tail: 30, latestFirstDay: 200 }, 10],
]);

function drawOrderPlan(rng: Random): { orderCount: number; firstDay: number } {
  const { fewest, most, tail, latestFirstDay } = SEGMENTS.pick(rng);
  const orderCount = tail ? Math.min(most, fewest + Math.floor(-Math.log(1 - rng.next()) * tail)) : rng.int(fewest, most);
  return { orderCount, firstDay: DAYS.pickIn(rng, 0, latestFirstDay) };
}

function drawShopper(run: Run): Shopper {
  const { rng } = run;
  const source = SOURCES.pick(rng);
  const roll = rng.next();
  const gender = roll < 0.72 ? 'female' : roll < 0.94 ? 'male' : 'unknown';
  const store = source === 'store' ? rng.pick(STORES) : null;
  const city = store ? store.city : CITIES.pick(rng);
  const nearby = STORES.filter((candidate) => candidate.city === city);
  const localStore = store ?? (nearby.length > 0 && rng.chance(0.5) ? rng.pick(nearby) : null);
  const identity = {
    taobao: source === 'taobao' || source === 'tmall' ? `AA${rng.chars(B64URL, 22)}` : null,
    jd: source === 'jd' ? `o*AA${rng.chars(B62, 28)}` : null,
    wechat: source === 'wechat' || source === 'other' || rng.chance(source === 'store' ? 0.6 : 0.15) ? `o${rng.chars(B64URL, 27)}` : null,
  };
  const organization = rng.chance(0.04) ? rng.pick(run.ref.organizations) : null;
  const person = personName(rng, gender === 'male' ? 'male' : 'female');
  // Platform buyers hide their phone number unless they join the shop's membership.
  const hasPhone = identity.taobao === null && identity.jd === null ? true : rng.chance(0.65);
  return {
    id: rng.uuid(),
    person,
    gender,
    birthday: rng.chance(0.7) ? drawBirthday(rng) : null,
    source,
    city,
    district: store && rng.chance(0.3) ? store.district : rng.pick(city.districts),
    store: localStore,
    channels: channelMix(source, identity, localStore),
    ...drawOrderPlan(rng),
    consent: rng.chance(0.55),
    organization,
    identity,
    phone: hasPhone ? mobilePhone(rng, run.phones) : null,
    email: rng.chance(0.25) ? personalEmail(rng, person) : null,
  };
}

function drawBirthday(rng: Random): { month: number; day: number; text: string } {
  const year = 1965 + Math.floor(((rng.next() + rng.next() + rng.next()) / 3) * 40);
  const month = rng.int(1, 12);
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return { month, day, text: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** Where a customer buys: mostly where they joined, never on a platform they have no account on. */
function channelMix(source: SourceChannel, identity: Shopper['identity'], store: Store | null): Weighted<Channel> {
  const mix: [Channel, number][] = [];
  if (identity.taobao) mix.push(['tmall', source === 'tmall' ? 75 : 20], ['taobao', source === 'taobao' ? 70 : 15]);
  if (identity.jd) mix.push(['jd', 85]);
  if (store) mix.push(['store', source === 'store' ? 75 : 6]);
  if (identity.wechat) mix.push(['wechat', source === 'wechat' || source === 'other' ? 70 : source === 'store' ? 25 : 6]);
  return new Weighted(mix);
}

function addCustomer(run: Run, out: Chunk): void {
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

interface Totals {
  spentCents: number;
  count: number;
  first: number | null;
  last: number | null;
}

function orderTotals(orders: readonly DraftOrder[]): Totals {
  const totals: Totals = { spentCents: 0, count: 0, first: null, last: null };
  for (const order of orders) {
    if (!order.counted) continue;
    totals.spentCents += order.amountCents;
    totals.count += 1;
    totals.first ??= order.orderedAt;
    totals.last = order.orderedAt;
  }
  return totals;
}

const CUSTOMER_NOTES = ['偏好棉麻材质', '敏感肌，推荐无香精产品', '只用顺丰快递', '工作日白天不方便接电话', '喜欢简约款式，不要大 logo'];

/** What the customer's orders and ledger add up to, written onto the customer record. */
interface History {
  orders: readonly DraftOrder[];
  totals: Totals;
  level: Level;
  balance: number;
}

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

// ─── Orders ─────────────────────────────────────────────────────────────────────────────────

type OrderStatus = 'pending' | 'paid' | 'shipped' | 'completed' | 'refunded' | 'cancelled';

interface DraftOrder {
  id: string;
  orderNo: string;
  channel: Channel;
  status: OrderStatus;
  orderedAt: number;
  paidAt: number | null;
  refundedAt: number | null;
  amountCents: number;
  counted: boolean;
  promo: boolean;
  /** Points earned at payment, at the level the customer held then. */
  points: number;
  lead: Product;
  categories: Category[];
}

const COUNTED = new Set<OrderStatus>(['paid', 'shipped', 'completed']);

type OrderPlan = [orderedAt: number, channel: Channel][];

/** When and where the customer orders, in time order: the first order on the day they joined. */
function planOrders(rng: Random, shopper: Shopper): OrderPlan {
  const plan: OrderPlan = [];
  for (let i = 0; i < shopper.orderCount; i++) {
    const day = i === 0 ? shopper.firstDay : DAYS.pickIn(rng, shopper.firstDay, WINDOW_DAYS - 1);
    const channel = shopper.channels.pick(rng);
    plan.push([timeOnDay(rng, day, channel), channel]);
  }
  return plan.sort((a, b) => a[0] - b[0]);
}

/** Buyers join the membership minutes before their first order; others on their first day. */
function joinedAt(rng: Random, shopper: Shopper, plan: OrderPlan): number {
  const first = plan[0];
  if (!first) return timeOnDay(rng, shopper.firstDay, 'wechat');
  return Math.max(WINDOW_START, first[0] - rng.int(2, 30) * 60_000);
}

function drawOrders(run: Run, shopper: Shopper, plan: OrderPlan, coupons: DraftCoupon[], out: Chunk): DraftOrder[] {
  const orders: DraftOrder[] = [];
  let spentCents = 0;
  for (const [orderedAt, channel] of plan) {
    const order = drawOrder(run, shopper, { orderedAt, channel, coupons, spentCents }, out);
    if (order.counted) spentCents += order.amountCents;
    orders.push(order);
  }
  return orders;
}

interface OrderContext {
  orderedAt: number;
  channel: Channel;
  coupons: DraftCoupon[];
  /** Spend counted so far, which sets the level and so the points rate of this order. */
  spentCents: number;
}

function drawOrder(run: Run, shopper: Shopper, context: OrderContext, out: Chunk): DraftOrder {
  const { rng } = run;
  const { orderedAt, channel } = context;
  const id = rng.uuid();
  const seq = ++run.orderSeq;
  const orderNo = `SO${formatDate(orderedAt).replaceAll('-', '')}${String(seq).padStart(7, '0')}`;
  const level = levelFor(run.ref.levels, context.spentCents);
  const promo = channel !== 'store' && isPromoTime(orderedAt);
  const items = drawItems(run, id, promo, out.order_items);
  const status = drawStatus(rng, channel, orderedAt);
  const paidAt = status === 'pending' || status === 'cancelled' ? null : paymentTime(rng, channel, orderedAt);
  const coupon = paidAt === null ? undefined : useCoupon(rng, context.coupons, orderedAt, items.subtotal, id);
  const discount = coupon ? coupon.valueCents : promo ? Math.floor(items.subtotal / 30_000) * 3_000 : 0;
  const shipping = shippingFee(channel, level, items.subtotal - discount);
  const amountCents = items.subtotal - discount + shipping;
  out.orders.push({
    id, order_no: orderNo, customer: shopper.id, channel, status,
    ordered_at: formatDateTime(orderedAt), paid_at: paidAt === null ? null : formatDateTime(paidAt),
    amount: formatMoney(amountCents), discount: formatMoney(discount), shipping_fee: formatMoney(shipping),
    store_name: channel === 'store' ? (shopper.store?.name ?? null) : null,
    platform_order_id: platformOrderId(rng, channel, orderedAt, seq),
  });
  const refundedAt = status === 'refunded' && paidAt !== null ? Math.min(WINDOW_END, paidAt + rng.int(2, 10) * DAY) : null;
  return {
    id, orderNo, channel, status, orderedAt, paidAt, refundedAt, amountCents, promo,
    counted: COUNTED.has(status), points: Math.floor((amountCents * level.rate) / 10_000),
    lead: items.lead, categories: items.categories,
  };
}

/** Online buyers pay within half an hour of ordering; at a till it takes seconds. */
function paymentTime(rng: Random, channel: Channel, orderedAt: number): number {
  const seconds = channel === 'store' ? rng.int(0, 120) : rng.int(5, 1800);
  return Math.min(WINDOW_END, orderedAt + seconds * 1000);
}

/** Free over CNY 99 and for gold members and above (a level benefit); JD charges less. */
function shippingFee(channel: Channel, level: Level, payable: number): number {
  if (channel === 'store' || payable >= 9_900 || level.rank >= 3) return 0;
  return channel === 'jd' ? 600 : 1_000;
}

/** Online orders move pending → paid → shipped → completed with age; a few are refunded or cancelled. */
function drawStatus(rng: Random, channel: Channel, orderedAt: number): OrderStatus {
  const age = WINDOW_END - orderedAt;
  if (rng.chance(channel === 'store' ? 0.005 : 0.025)) return 'cancelled';
  if (channel === 'store') return rng.chance(0.015) ? 'refunded' : 'completed';
  if (age < DAY) return rng.chance(0.2) ? 'pending' : 'paid';
  if (age < 3 * DAY) return rng.chance(0.5) ? 'paid' : 'shipped';
  if (rng.chance(0.035)) return 'refunded';
  return age < 10 * DAY && rng.chance(0.6) ? 'shipped' : 'completed';
}

/** The id each platform gives the order; the running sequence at the end keeps them unique. */
function platformOrderId(rng: Random, channel: Channel, orderedAt: number, seq: number): string | null {
  const tail = String(seq).padStart(7, '0');
  if (channel === 'taobao' || channel === 'tmall') return `${rng.int(1, 4)}${rng.digits(11)}${tail}`;
  if (channel === 'jd') return `3${rng.digits(4)}${tail}`;
  if (channel === 'wechat') return `42000${rng.digits(5)}${formatDate(orderedAt).replaceAll('-', '')}${rng.digits(3)}${tail}`;
  return null;
}

const ITEM_COUNTS = new Weighted([[1, 55], [2, 28], [3, 12], [4, 5]]);
const QUANTITIES = new Weighted([[1, 82], [2, 14], [3, 4]]);

function drawItems(run: Run, orderId: string, promo: boolean, out: SampleRecord[]): { subtotal: number; lead: Product; categories: Category[] } {
  const { rng } = run;
  const wanted = ITEM_COUNTS.pick(rng);
  const chosen = new Set<Product>();
  for (let attempt = 0; chosen.size < wanted && attempt < 10; attempt++) chosen.add(run.ref.products.pick(rng));
  let subtotal = 0;
  for (const product of chosen) {
    const quantity = QUANTITIES.pick(rng);
    // Platforms cut list prices by 10% during 双11 / 618.
    const unit = promo ? Math.round(product.priceCents * 0.9) : product.priceCents;
    subtotal += unit * quantity;
    out.push({
      id: rng.uuid(), order: orderId, product: product.id, product_name: product.name, quantity,
      unit_price: formatMoney(unit), line_total: formatMoney(unit * quantity),
    });
  }
  const products = [...chosen];
  return { subtotal, lead: element(products, 0), categories: products.map((product) => product.category) };
}

// ─── Coupons ────────────────────────────────────────────────────────────────────────────────

interface DraftCoupon {
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

function planCoupons(run: Run, shopper: Shopper, joinedAt: number): DraftCoupon[] {
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
function useCoupon(rng: Random, coupons: DraftCoupon[], at: number, subtotal: number, orderId: string): DraftCoupon | undefined {
  const day = formatDate(at);
  const coupon = coupons.find(
    (c) => c.orderId === null && c.issuedAt <= at && day <= c.expiresOn && subtotal >= c.minSpendCents && c.valueCents < subtotal,
  );
  if (!coupon || !rng.chance(0.75)) return undefined;
  coupon.redeemedAt = at;
  coupon.orderId = orderId;
  return coupon;
}

function couponRecord(shopper: Shopper, coupon: DraftCoupon): SampleRecord {
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

// ─── Points ledger ──────────────────────────────────────────────────────────────────────────

type PointsEvent =
  | { at: number; kind: 'earn' | 'reverse'; order: DraftOrder }
  | { at: number; kind: 'redeem' | 'goodwill' | 'expire' };

/** Points earned in one entry, spent oldest first; what is left expires at the end of the next year. */
interface Lot {
  year: number;
  orderId: string | null;
  remaining: number;
}

// Points earned in 2024 expire at the end of 2025; later years expire after the window.
const EXPIRY_2025 = shanghai(2025, 12, 31, 23, 59, 59);
const REWARDS: [cost: number, gift: string][] = [
  [500, '品牌帆布袋'], [800, '旅行装洁面乳'], [1000, '10 元无门槛券'], [2000, '香薰蜡烛礼盒'], [3000, '真丝眼罩'],
];

function pointsEvents(rng: Random, orders: readonly DraftOrder[]): PointsEvent[] {
  const events: PointsEvent[] = [];
  for (const order of orders) {
    if (order.paidAt === null || order.points === 0) continue;
    events.push({ at: order.paidAt, kind: 'earn', order });
    if (order.refundedAt !== null) events.push({ at: order.refundedAt, kind: 'reverse', order });
  }
  const first = events[0];
  if (!first) return events;
  for (let n = Math.floor(orders.length / 4) + (rng.chance(0.3) ? 1 : 0); n > 0; n--) {
    events.push({ at: between(rng, first.at, WINDOW_END), kind: 'redeem' });
  }
  if (rng.chance(0.02)) events.push({ at: between(rng, first.at, WINDOW_END), kind: 'goodwill' });
  if (first.at < EXPIRY_2025) events.push({ at: EXPIRY_2025, kind: 'expire' });
  return events.sort((a, b) => a.at - b.at);
}

/** Writes the customer's ledger in time order and returns the final balance. */
function writeLedger(run: Run, shopper: Shopper, orders: readonly DraftOrder[], out: SampleRecord[]): number {
  const lots: Lot[] = [];
  let balance = 0;
  for (const event of pointsEvents(run.rng, orders)) {
    const entry = ledgerEntry(run.rng, event, lots, balance);
    if (!entry) continue;
    balance += entry.change;
    out.push({
      id: run.rng.uuid(), customer: shopper.id, change: entry.change, reason: entry.reason, balance_after: balance,
      occurred_at: formatDateTime(event.at), expires_at: entry.expiresAt, order: 'order' in event ? event.order.id : null,
      note: entry.note,
    });
  }
  return balance;
}

interface LedgerEntry {
  change: number;
  reason: 'earn' | 'redeem' | 'expire' | 'adjust';
  expiresAt: string | null;
  note: string;
}

function ledgerEntry(rng: Random, event: PointsEvent, lots: Lot[], balance: number): LedgerEntry | null {
  const year = Number(formatDate(event.at).slice(0, 4));
  switch (event.kind) {
    case 'earn':
      lots.push({ year, orderId: event.order.id, remaining: event.order.points });
      return { change: event.order.points, reason: 'earn', expiresAt: `${year + 1}-12-31`, note: `订单 ${event.order.orderNo} 消费积分` };
    case 'goodwill':
      lots.push({ year, orderId: null, remaining: 200 });
      return { change: 200, reason: 'adjust', expiresAt: `${year + 1}-12-31`, note: '客服补偿：物流延误' };
    case 'reverse': {
      const lot = lots.find((candidate) => candidate.orderId === event.order.id);
      const taken = lot ? takeAll(lot) : 0;
      return taken === 0 ? null : { change: -taken, reason: 'adjust', expiresAt: null, note: `订单 ${event.order.orderNo} 退款，扣回积分` };
    }
    case 'redeem': {
      const affordable = REWARDS.filter(([cost]) => cost <= balance);
      if (affordable.length === 0) return null;
      const [cost, gift] = rng.pick(affordable);
      spendOldestFirst(lots, cost);
      return { change: -cost, reason: 'redeem', expiresAt: null, note: `兑换：${gift}` };
    }
    case 'expire': {
      const expired = lots.filter((lot) => lot.year <= 2024).reduce((sum, lot) => sum + takeAll(lot), 0);
      return expired === 0 ? null : { change: -expired, reason: 'expire', expiresAt: null, note: '2024 年获得的积分到期清零' };
    }
  }
}

function takeAll(lot: Lot): number {
  const taken = lot.remaining;
  lot.remaining = 0;
  return taken;
}

function spendOldestFirst(lots: Lot[], points: number): void {
  let left = points;
  for (const lot of lots) {
    const taken = Math.min(lot.remaining, left);
    lot.remaining -= taken;
    left -= taken;
    if (left === 0) return;
  }
}

// ─── Tags ───────────────────────────────────────────────────────────────────────────────────

function tagsOf(run: Run, shopper: Shopper, orders: readonly DraftOrder[], totals: Totals): string[] {
  return tagKeys(run.rng, shopper, habitsOf(orders), totals).map((key) => {
    const id = run.ref.tags.get(key);
    if (id === undefined) throw new Error(`tag ${key} missing`);
    return id;
  });
}

interface Habits {
  storeOrders: number;
  promoOrders: number;
  skincareItems: number;
  homeItems: number;
  refunds: number;
}

function habitsOf(orders: readonly DraftOrder[]): Habits {
  const habits: Habits = { storeOrders: 0, promoOrders: 0, skincareItems: 0, homeItems: 0, refunds: 0 };
  for (const order of orders) {
    if (order.status === 'refunded') habits.refunds += 1;
    if (!order.counted) continue;
    if (order.channel === 'store') habits.storeOrders += 1;
    if (order.promo) habits.promoOrders += 1;
    for (const category of order.categories) {
      if (category === 'skincare') habits.skincareItems += 1;
      if (category === 'home_textile' || category === 'home_goods') habits.homeItems += 1;
    }
  }
  return habits;
}

/** Tags follow behaviour, as a merchant's tagging rules would; a few are staff observations. */
function tagKeys(rng: Random, shopper: Shopper, habits: Habits, totals: Totals): TagKey[] {
  const keys: TagKey[] = [];
  if (totals.spentCents >= 500_000) keys.push('high_value');
  if (totals.count >= 10) keys.push('repeat');
  if (totals.first !== null && totals.first >= WINDOW_END - 90 * DAY) keys.push('new');
  if (totals.last !== null && totals.last < WINDOW_END - 180 * DAY) keys.push('dormant');
  if (shopper.organization) keys.push('group');
  if (habits.storeOrders >= 3) keys.push('store_regular');
  if (totals.count >= 3 && habits.promoOrders * 2 >= totals.count) keys.push('promo');
  if (habits.skincareItems >= 4) keys.push('skincare_fan');
  if (habits.homeItems >= 4) keys.push('home_lover');
  if (habits.skincareItems > 0 && rng.chance(0.06)) keys.push('sensitive_skin');
  if (shopper.gender === 'female' && rng.chance(0.08)) keys.push('mom');
  if (habits.refunds >= 2) keys.push('refund_risk');
  if (shopper.orderCount === 0) keys.push('never_bought');
  return keys;
}

// ─── Interactions and tasks ─────────────────────────────────────────────────────────────────

const SERVICE_STAFF = ['林晓', '周雨', '孙婷', '何静'];
const STORE_STAFF = ['李娜', '张敏', '刘洋', '赵磊'];
const VIP_MANAGERS = ['陈思', '王珂'];
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

function writeInteractions(run: Run, shopper: Shopper, orders: readonly DraftOrder[], level: Level, out: SampleRecord[]): void {
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

type Priority = 'low' | 'normal' | 'high' | 'urgent';

function writeTasks(run: Run, shopper: Shopper, history: History, out: SampleRecord[]): void {
  const { rng } = run;
  const { name } = shopper.person;
  const add = (title: string, dueAt: number, priority: Priority, owner: string): void => {
    out.push(taskRecord(rng, shopper.id, title, dueAt, priority, owner));
  };
  for (const order of history.orders) {
    if (order.refundedAt !== null && rng.chance(0.5)) add(`跟进退款原因：${order.orderNo}`, order.refundedAt + 2 * DAY, 'high', rng.pick(SERVICE_STAFF));
  }
  if (history.level.rank >= 3) add(`季度回访：${name}`, WINDOW_END + rng.int(3, 60) * DAY, 'normal', rng.pick(VIP_MANAGERS));
  const { last, count } = history.totals;
  if (last !== null && count >= 3 && last < WINDOW_END - 180 * DAY) {
    add(`唤醒沉睡会员：${name}`, WINDOW_END + rng.int(3, 14) * DAY, history.level.rank >= 2 ? 'urgent' : 'high', rng.pick(SERVICE_STAFF));
  }
  if (shopper.birthday?.month === 11 && shopper.consent) {
    add(`生日关怀：${name}`, shanghai(2026, 11, shopper.birthday.day, 10), 'low', rng.pick(SERVICE_STAFF));
  }
}

/** Past-due tasks are mostly done; a few are still open, as in any real team. */
function taskRecord(rng: Random, customer: string, title: string, dueAt: number, priority: Priority, owner: string): SampleRecord {
  const roll = rng.next();
  const status = dueAt < WINDOW_END
    ? roll < 0.85 ? 'done' : roll < 0.9 ? 'cancelled' : roll < 0.95 ? 'in_progress' : 'todo'
    : roll < 0.2 ? 'in_progress' : 'todo';
  return { id: rng.uuid(), title, due_at: formatDateTime(dueAt), status, priority, customer, done: status === 'done', owner };
}
