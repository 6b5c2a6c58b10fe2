import type { Random, Weighted } from '../../shared/index.js';
import type { Level } from './member-levels.js';
import type { Organization } from './organizations.js';
import type { Product } from './products.js';
import type { TagKey } from './tags.js';

/** The reference records customers and orders point at. */
export interface Reference {
  levels: Level[];
  tags: Map<TagKey, string>;
  products: Weighted<Product>;
  organizations: Organization[];
}

/** State shared by every customer of one generation run. */
export interface Run {
  rng: Random;
  ref: Reference;
  /** Phones handed out so far: customers.phone is unique. */
  phones: Set<string>;
  orderSeq: number;
  couponSeq: number;
}
