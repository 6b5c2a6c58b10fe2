/** One record of sample data: field name → value, as the bulk writer takes it. */
export type SampleRecord = Record<string, unknown>;

/** One batch of records of one object, ready for a bulk insert. */
export interface SampleBatch {
  object: string;
  records: SampleRecord[];
}

/** Largest batch yielded, so that a consumer can insert each batch in one statement. */
const MAX_BATCH = 2000;

/** Splits one object's records into batches of at most MAX_BATCH. */
export function* inBatches(object: string, records: SampleRecord[]): Generator<SampleBatch> {
  for (let start = 0; start < records.length; start += MAX_BATCH) {
    yield { object, records: records.slice(start, start + MAX_BATCH) };
  }
}
