import { Weighted, formatMoney, type Random, type SampleRecord } from '../../shared/index.js';

/** A product category of the catalogue. */
export type Category = 'apparel' | 'home_textile' | 'home_goods' | 'skincare' | 'makeup';

/** One sellable item (a variant of a catalogue line) and its record. */
export interface Product {
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
export interface Catalogue {
  products: Product[];
  bySales: Weighted<Product>;
}

/** Draws the catalogue: one product per variant, with its cost, barcode and active flag. */
export function buildCatalogue(rng: Random): Catalogue {
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
