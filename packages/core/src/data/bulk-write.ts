import type { Knex } from 'knex';
import { TesseraError } from '../errors/index.js';
import type { ObjectAccess } from '../access/index.js';
import type { ObjectModel } from '../documents/index.js';
import type { DataContext } from './data-context.js';
import { BulkChunker, type BulkMode, type ColumnGroups } from './bulk-chunks.js';
import type { SplitRecord } from './column-values.js';
import { insertRows, insertRowsCounting } from './insert-rows.js';
import { updateRows } from './update-rows.js';
import { setLinks } from './set-links.js';
import { runWrite } from './run-write.js';
import { requireInScope } from './require-in-scope.js';

export type { BulkMode } from './bulk-chunks.js';

/** What a bulk write did. */
export interface BulkResult {
  created: number;
  updated: number;
}

/** Most records in one bulk request. */
export const maxBulkRecords = 100_000;
/**
 * Records per chunk, and so at most per statement. Small enough that validating the next chunk
 * (Node) takes about as long as writing this one (PostgreSQL), so neither waits long for the other.
 */
const chunkRows = 1_000;

function checkKey(object: ObjectModel, mode: BulkMode, key: string | undefined): void {
  if (mode !== 'upsert') return;
  const field = key === undefined ? undefined : object.fields.get(key);
  if (!field?.unique || field.type === 'autonumber') throw new TesseraError('BAD_REQUEST', { reason: `an upsert needs "key": the name of a unique field of ${object.name}` });
}

function hasManyToMany(object: ObjectModel): boolean {
  return object.definition.fields.some((field) => field.relation?.kind === 'many_to_many');
}

/** Lets a statement just handed to the driver reach PostgreSQL before the next CPU-bound chunk. */
const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Throws FIELD_FORBIDDEN when a group writes a column (or link) the role may not write. */
function requireWritableGroup(access: ObjectAccess, columns: string[], parts: SplitRecord[]): void {
  access.requireWritable(Object.fromEntries(columns.map((column) => [column, true])));
  for (const part of parts) access.requireWritable(Object.fromEntries([...part.links.keys()].map((field) => [field, true])));
}

/**
 * Writes one chunk's groups, one statement each. Writes ask for the written ids when something
 * needs them (many_to_many links set afterwards by id, or a row rule to check the written
 * records against); otherwise only for counts.
 */
async function writeChunk(trx: Knex, context: DataContext, access: ObjectAccess, mode: BulkMode, key: string | undefined, groups: ColumnGroups): Promise<BulkResult> {
  const result: BulkResult = { created: 0, updated: 0 };
  const scoped = access.rows !== undefined;
  const needIds = scoped || (mode === 'upsert' && hasManyToMany(access.object));
  for (const [signature, parts] of groups) {
    const columns = signature.split(',');
    requireWritableGroup(access, columns, parts);
    const rows = parts.map((part) => part.columns);
    if (mode === 'update') {
      const ids = await updateRows(trx, context, access, columns, rows);
      result.updated += ids.length;
      if (scoped) await requireInScope(trx, context, access, ids);
    } else if (needIds) {
      const written = await insertRows(trx, context, access, columns, rows, mode === 'upsert' ? key : undefined);
      if (written.length !== rows.length) throw new TesseraError('ROW_FORBIDDEN', { what: `${rows.length - written.length} existing ${access.object.name} records matched by ${key}` });
      const idByKey = new Map(written.map((row) => [String(row.key), row.id] as const));
      for (const row of written) result[row.inserted ? 'created' : 'updated'] += 1;
      for (const row of rows) row.id ??= idByKey.get(String(row[key!]));
      if (scoped) await requireInScope(trx, context, access, written.map((row) => row.id));
    } else {
      const counts = await insertRowsCounting(trx, context, access, columns, rows, mode === 'upsert' ? key : undefined);
      result.created += counts.created;
      result.updated += counts.updated;
    }
  }
  return result;
}

/** many_to_many links of written records, by field, then by record id. */
function collectLinks(groups: ColumnGroups, into: Map<string, Map<string, string[]>>): void {
  for (const parts of groups.values()) {
    for (const part of parts) {
      for (const [field, targets] of part.links) {
        const byRecord = into.get(field) ?? new Map<string, string[]>();
        byRecord.set(String(part.columns.id), targets);
        into.set(field, byRecord);
      }
    }
  }
}

/**
 * Writes many records of one object in one transaction, all or nothing. Records are validated in
 * chunks while the previous chunk's statement runs; after the first invalid record nothing more is
 * written, validation goes on to the end so that the error lists every bad record (pointers
 * /records/<index>/<field>), and the transaction rolls back.
 */
export async function bulkWrite(context: DataContext, objectName: string, mode: BulkMode, records: unknown, key?: string): Promise<BulkResult> {
  const access = context.access.object(objectName, mode === 'update' ? 'update' : 'create');
  if (mode === 'upsert') context.access.object(objectName, 'update');
  const object = access.object;
  if (!Array.isArray(records)) throw new TesseraError('BAD_REQUEST', { reason: '"records" must be an array' });
  if (records.length > maxBulkRecords) throw new TesseraError('BAD_REQUEST', { reason: `at most ${maxBulkRecords} records per request` });
  checkKey(object, mode, key);
  const chunker = new BulkChunker(object, mode, records);
  return runWrite(context, async (trx) => {
    const result: BulkResult = { created: 0, updated: 0 };
    const links = new Map<string, Map<string, string[]>>();
    let next = chunker.prepare(0, chunkRows);
    for (let start = 0; start < records.length; start += chunkRows) {
      const groups = next;
      // Settled at once so that a failing statement is never an unhandled rejection while the next chunk is prepared.
      const writing = writeChunk(trx, context, access, mode, key, groups).then((value) => ({ value }), (error: unknown) => ({ error }));
      if (groups.size > 0) await yieldToIo();
      next = chunker.prepare(start + chunkRows, start + 2 * chunkRows);
      const outcome = await writing;
      if ('error' in outcome) throw outcome.error;
      result.created += outcome.value.created;
      result.updated += outcome.value.updated;
      collectLinks(groups, links);
    }
    chunker.throwIfFailed();
    for (const [field, byRecord] of links) await setLinks(trx, context.schema, object, field, byRecord);
    return result;
  });
}
