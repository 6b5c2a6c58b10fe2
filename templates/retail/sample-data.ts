/**
 * Deterministic sample data for the retail template: a brand selling on Taobao/Tmall, JD, a
 * WeChat mini program and in its own stores, over the two years ending 2026-10-31.
 *
 * Everything is drawn from one seeded stream, so a seed always replays byte-identical records.
 * Customers are generated in chunks: each chunk's customers, orders, ledger… are yielded before
 * the next chunk is drawn, which keeps memory flat however many customers are asked for.
 * The pieces live in sample-data/, one per object; the stream, formatters and Chinese reference
 * data in ../shared/.
 */
import { Random, inBatches, type SampleBatch } from '../shared/index.js';
import { chunkBatches, emptyChunk } from './sample-data/chunk.js';
import { addCustomer } from './sample-data/customers.js';
import { buildLevels } from './sample-data/member-levels.js';
import { buildOrganizations } from './sample-data/organizations.js';
import { buildCatalogue } from './sample-data/products.js';
import type { Reference, Run } from './sample-data/run.js';
import { buildTags } from './sample-data/tags.js';

export type { SampleBatch } from '../shared/index.js';

/** How much retail data to generate, and from which seed. */
export interface SampleOptions {
  seed?: number;
  /** Number of customers; 3000 by default. */
  customers?: number;
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
  const tags = buildTags(rng);
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
