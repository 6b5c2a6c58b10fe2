import { element } from './element.js';
import type { Random } from './random.js';

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

  /** Every item, in the order given. */
  get all(): readonly T[] {
    return this.items;
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
