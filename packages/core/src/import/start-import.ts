import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { DataContext } from '../data/index.js';
import type { JobQueue } from '../jobs/index.js';
import { noCounts, type ImportFile, type ImportSummary } from './import-types.js';
import { importSummary, type ImportStore } from './import-store.js';
import { compileMappingIn, readableTitleField } from './map/compile-mapping.js';
import { suggestMapping } from './map/suggest-mapping.js';
import { fileDigest } from './read/file-digest.js';
import { openTable, type TableOptions } from './read/open-table.js';
import { defaultBatchSize } from './run-import.js';
import { TesseraError } from '../errors/index.js';

/** The job kind that runs imports. */
export const importJobKind = 'import';

/** What to import: a file already on the server's disk, into one object. */
export interface ImportRequest extends Omit<TableOptions, 'format'> {
  object: string;
  path: string;
  /** The file's name as the user knows it (the upload's name); the path's base name by default. */
  name?: string;
  /** An ImportMapping document; suggested from the header and the first rows when absent. */
  mapping?: unknown;
  /** Rows per batch (one transaction and checkpoint each); 5,000 by default. */
  batchSize?: number;
  /** The file is an upload kept for this import only: deleted when the import ends (a CLI import's own file never is). */
  ownedFile?: boolean;
}

/** Rows read to suggest a mapping. */
const sampleSize = 50;

/**
 * Checks an import request completely before anything is written (the file opens and has data
 * rows, the role may import into the object, the mapping is valid for the file's header: every
 * refusal is a clear error), then records the import and queues its job in one transaction.
 */
export async function startImport(context: DataContext, store: ImportStore, queue: JobQueue, workspace: { id: number; slug: string }, request: ImportRequest): Promise<ImportSummary> {
  const access = context.access.object(request.object, 'import');
  context.access.object(request.object, 'create');
  const batchSize = request.batchSize ?? defaultBatchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new TesseraError('BAD_REQUEST', { reason: 'batchSize must be an integer from 1 to 10000' });
  const table = await openTable(request.path, request);
  const samples: string[][] = [];
  try {
    for await (const row of table.rows) {
      samples.push(row.cells);
      if (samples.length >= sampleSize) break;
    }
  } finally {
    await table.rows.return(undefined);
  }
  const mapping = request.mapping ?? suggestMapping(access, table.info.headers, samples, (object) => readableTitleField(context, object)).mapping;
  compileMappingIn(context, access, mapping, table.info.headers);
  const action = (mapping as { match?: { action?: string } }).match?.action;
  if (action !== 'skip' && action !== 'create') context.access.object(request.object, 'update');
  const digest = await fileDigest(request.path);
  const file: ImportFile = { name: request.name ?? basename(request.path), path: request.path, size: digest.size, sha256: digest.sha256, ...table.info, ...(request.ownedFile ? { owned: true } : {}) };
  const id = randomUUID();
  const rowsTotal = table.info.format === 'csv' ? Math.max(0, digest.lineBreaks - table.info.headerRow + 1) : null;
  await context.knex.transaction(async (trx) => {
    await trx.raw(`INSERT INTO ${store.imports} (id, object, status, file, mapping, language, batch_size, rows_total, counts, created_by, created_by_label) VALUES (?, ?, 'queued', ?::jsonb, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?)`, [
      id, request.object, JSON.stringify(file), JSON.stringify(mapping), request.language ?? 'zh-CN', batchSize, rowsTotal, JSON.stringify(noCounts()), context.actor, context.stamp.actorLabel,
    ]);
    await queue.enqueue(importJobKind, { workspace: workspace.slug, importId: id, principal: context.access.principal }, { workspaceId: workspace.id, trx });
  });
  return importSummary(await store.get(context.knex, id));
}
