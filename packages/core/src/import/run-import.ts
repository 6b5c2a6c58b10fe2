import { rm } from 'node:fs/promises';
import type { DataContext } from '../data/index.js';
import { TesseraError } from '../errors/index.js';
import { qualified } from '../schema/index.js';
import type { Lease } from '../jobs/index.js';
import type { ImportCounts, ImportFile, ImportStatus, ImportSummary } from './import-types.js';
import { importSummary, type ImportRow, type ImportStore } from './import-store.js';
import { compileMappingIn } from './map/compile-mapping.js';
import { mapRows, planBatch } from './plan-batch.js';
import { fileDigest } from './read/file-digest.js';
import { openTable } from './read/open-table.js';
import type { SourceRow } from './read/source-row.js';
import { writeBatch } from './write-batch.js';

/** Rows planned and committed together: one transaction, one checkpoint. */
export const defaultBatchSize = 5_000;

/** Where a running import is, after each committed batch. */
export interface ImportProgress {
  importId: string;
  rowsDone: number;
  rowsTotal: number | null;
  counts: ImportCounts;
}

/** How to run an import. */
export interface RunImportOptions {
  lease?: Lease;
  onProgress?: (progress: ImportProgress) => void;
}

/** Deletes an import's upload once the import has ended: nothing reads it again (the error file and undo use what the batches kept). */
export async function releaseFile(file: ImportFile): Promise<void> {
  if (!file.owned) return;
  await rm(file.path, { force: true });
  await rm(`${file.path}.json`, { force: true });
}

async function setStatus(context: DataContext, store: ImportStore, id: string, status: ImportStatus, error?: TesseraError): Promise<void> {
  // Once the file is read to its end, the row count is known exactly (it was estimated from line breaks).
  const finished = status === 'running' ? '' : `, finished_at = now()${status === 'done' ? ', rows_total = rows_done' : ''}`;
  await context.knex.raw(`UPDATE ${store.imports} SET status = ?, error = ?::jsonb, started_at = coalesce(started_at, now())${finished} WHERE id = ?`, [
    status, error ? JSON.stringify({ code: error.code, message: error.messages }) : null, id,
  ]);
}

/** The file as it was when the import started: same bytes, same header. Throws IMPORT_FILE_CHANGED otherwise. */
async function reopen(row: ImportRow) {
  const digest = await fileDigest(row.file.path).catch(() => undefined);
  if (digest?.sha256 !== row.file.sha256) throw new TesseraError('IMPORT_FILE_CHANGED', {});
  const table = await openTable(row.file.path, {
    format: row.file.format, language: row.language,
    ...(row.file.sheet === undefined ? {} : { sheet: row.file.sheet }), ...(row.file.encoding ? { encoding: row.file.encoding } : {}), ...(row.file.delimiter ? { delimiter: row.file.delimiter } : {}),
  });
  if (JSON.stringify(table.info.headers) !== JSON.stringify(row.file.headers)) throw new TesseraError('IMPORT_FILE_CHANGED', {});
  return table;
}

/**
 * Gives the planner the table's new size after batches 1, 2, 4, 8…: a table an import fills from
 * empty still has its empty statistics until autovacuum comes by, and the planner then looks up
 * the next batch's match keys by reading the whole table (measured: 9 ms per lookup at 50,000
 * rows, 33 ms at 250,000, growing with every batch).
 */
async function refreshStatistics(context: DataContext, object: string): Promise<void> {
  await context.knex.raw(`ANALYZE ${qualified(context.schema, object)}`);
}

/** Lets a statement just handed to the driver reach the database before CPU-bound work. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

async function* batchesAfter(rows: AsyncGenerator<SourceRow>, skip: number, size: number): AsyncGenerator<SourceRow[]> {
  let seen = 0;
  let batch: SourceRow[] = [];
  for await (const row of rows) {
    seen += 1;
    if (seen <= skip) continue;
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/**
 * Runs (or resumes) an import: reads the file from the row after its last committed batch, and
 * plans and writes batch after batch (writeBatch: records, undo entry, rejected rows and
 * checkpoint in one transaction), renewing the job's lease and honouring a cancel between batches.
 * A file that changed since the start fails the import; a read error (a malformed row midway)
 * fails it at that row, batches before it staying committed. Answers the import as it ends.
 */
export async function runImport(context: DataContext, store: ImportStore, importId: string, options: RunImportOptions = {}): Promise<ImportSummary> {
  let row = await store.get(context.knex, importId);
  if (row.status !== 'queued' && row.status !== 'running') return importSummary(row);
  const access = context.access.object(row.object, 'import');
  if (row.cancel_requested) {
    await setStatus(context, store, importId, 'canceled');
    await releaseFile(row.file);
    return importSummary(await store.get(context.knex, importId));
  }
  await setStatus(context, store, importId, 'running');
  try {
    const table = await reopen(row);
    const compiled = compileMappingIn(context, access, row.mapping, table.info.headers);
    let { counts, rows_done: rowsDone } = row;
    let batch = (await context.knex.raw(`SELECT coalesce(max(batch), 0) AS last FROM ${store.batches} WHERE import_id = ?`, [importId]) as { rows: { last: number }[] }).rows[0]!.last;
    const batches = batchesAfter(table.rows, rowsDone, row.batch_size);
    const nextMapped = async () => {
      const next = await batches.next();
      return next.done ? undefined : mapRows(compiled, next.value);
    };
    // Batch n+1 is read and mapped (Node's work) while batch n is written (the database's).
    for (let mapped = await nextMapped(); mapped; ) {
      const plan = await planBatch(context, access.object, compiled.mapping, mapped);
      batch += 1;
      rowsDone += mapped.length;
      const writing = writeBatch(context, store, row.object, plan, { importId, batch, rowsDone, counts }).then((value) => ({ value }), (error: unknown) => ({ error }));
      await yieldToIo();
      // A read error (a malformed row further on) waits for this batch's commit: it stays, and the import fails after it.
      mapped = await nextMapped().catch(async (error: unknown) => {
        await writing;
        throw error;
      });
      const written = await writing;
      if ('error' in written) throw written.error;
      counts = written.value;
      if ((batch & (batch - 1)) === 0) await refreshStatistics(context, row.object);
      options.onProgress?.({ importId, rowsDone, rowsTotal: row.rows_total, counts });
      await options.lease?.renew();
      if ((await store.get(context.knex, importId)).cancel_requested) {
        await batches.return(undefined);
        await setStatus(context, store, importId, 'canceled');
        await releaseFile(row.file);
        return importSummary(await store.get(context.knex, importId));
      }
    }
    await setStatus(context, store, importId, 'done');
  } catch (error) {
    if (!(error instanceof TesseraError)) throw error;
    await setStatus(context, store, importId, 'failed', error);
  }
  row = await store.get(context.knex, importId);
  if (row.status !== 'queued' && row.status !== 'running') await releaseFile(row.file);
  return importSummary(row);
}
