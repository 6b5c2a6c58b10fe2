import { Weighted, element, formatMoney, type SampleRecord } from '../../shared/index.js';
import type { Category, Product } from './products.js';
import type { Run } from './run.js';

const ITEM_COUNTS = new Weighted([[1, 55], [2, 28], [3, 12], [4, 5]]);
const QUANTITIES = new Weighted([[1, 82], [2, 14], [3, 4]]);

/** What an order's lines add up to: the subtotal, the first product and every line's category. */
export interface DrawnItems {
  subtotal: number;
  lead: Product;
  categories: Category[];
}

/** Draws an order's lines, best sellers most often, at 10% off during platform sales. */
export function drawItems(run: Run, orderId: string, promo: boolean, out: SampleRecord[]): DrawnItems {
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
