import { inBatches, type SampleBatch, type SampleRecord } from '../../shared/index.js';

/** Per-customer objects, in the order their batches are yielded. */
export interface Chunk {
  customers: SampleRecord[];
  orders: SampleRecord[];
  order_items: SampleRecord[];
  points_ledger: SampleRecord[];
  coupons: SampleRecord[];
  interactions: SampleRecord[];
  tasks: SampleRecord[];
}

/** A chunk with no records yet. */
export function emptyChunk(): Chunk {
  return { customers: [], orders: [], order_items: [], points_ledger: [], coupons: [], interactions: [], tasks: [] };
}

/** The chunk's records as batches, customers first so that every reference points backwards. */
export function* chunkBatches(chunk: Chunk): Generator<SampleBatch> {
  yield* inBatches('customers', chunk.customers);
  yield* inBatches('orders', chunk.orders);
  yield* inBatches('order_items', chunk.order_items);
  yield* inBatches('points_ledger', chunk.points_ledger);
  yield* inBatches('coupons', chunk.coupons);
  yield* inBatches('interactions', chunk.interactions);
  yield* inBatches('tasks', chunk.tasks);
}
