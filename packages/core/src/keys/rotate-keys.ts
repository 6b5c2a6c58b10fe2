import type { Knex } from 'knex';
import { asSystem, type Principal } from '../access/index.js';
import { appendPlatformAudit } from '../audit/index.js';
import { platformSchema } from '../db/index.js';
import { TesseraError } from '../errors/index.js';
import { PersonalDataError, type KeyRing } from '../personal/index.js';
import {
  envelopePrefix, loadSchemaState, openValue, qualified, quoteIdent, readValueBatch, rewriteBatchRows, sealValue, writeValueBatch,
  type RewrittenValue, type WorkspaceRow,
} from '../schema/index.js';
import { requirePlatformAdmin } from '../accounts/index.js';
import { storedEncryptedColumns, type StoredEncryptedColumn } from './stored-encrypted-columns.js';

/** How far a rotation is: values handled of those found under an older key when it started. */
export interface RotationProgress {
  workspace: string;
  done: number;
  total: number;
}

/** How to run a rotation. */
export interface RotationOptions {
  /** Rows per batch (and per transaction); 1,000 by default. */
  batchSize?: number;
  /** Told after each batch; a returned promise is awaited (a job saves its progress and renews its lease there, and may stop the run by throwing). */
  onProgress?: (progress: RotationProgress) => void | Promise<void>;
  /** Who runs it, for the platform audit log (a platform admin); system mode by default. */
  principal?: Principal;
}

/** What a rotation of one workspace did. */
export interface RotationResult {
  workspace: string;
  /** The key every rewritten value is now under. */
  keyId: string;
  /** Columns (live and archived encrypted fields) looked at. */
  columns: number;
  /** Values under an older key when the run started. */
  total: number;
  rewritten: number;
  /** Values that did not decrypt (altered, or under a key the ring no longer holds): left as they are. */
  unreadable: number;
  /** Values changed by a concurrent write between read and rewrite: the write won (it used the current key). */
  changedMeanwhile: number;
}

/** A blueprint change landed between two batches: the columns are worked out again. */
class BlueprintMoved extends Error {}

interface Run {
  knex: Knex;
  keys: KeyRing;
  workspace: WorkspaceRow;
  batchSize: number;
  result: RotationResult;
  report: () => Promise<void>;
}

function notCurrent(run: Run, column: string): { sql: string; bindings: unknown[] } {
  return { sql: `NOT (${quoteIdent(column)} LIKE ?)`, bindings: [`${envelopePrefix}${run.keys.currentKeyId}.%`] };
}

async function countStale(run: Run, columns: StoredEncryptedColumn[]): Promise<number> {
  let total = 0;
  for (const entry of columns) {
    const where = notCurrent(run, entry.column);
    const { rows } = await run.knex.raw(`SELECT count(*)::int AS n FROM ${qualified(run.workspace.schema_name, entry.table)} WHERE ${quoteIdent(entry.column)} IS NOT NULL AND ${where.sql}`, where.bindings as never[]);
    total += Number((rows as { n: number }[])[0]?.n ?? 0);
  }
  return total;
}

/** Re-encrypts one batch in its own transaction, which holds the workspace row (shared): no migration runs meanwhile. */
async function rotateBatch(run: Run, entry: StoredEncryptedColumn, after: string | undefined): Promise<string | undefined> {
  return run.knex.transaction(async (trx) => {
    const row = await trx(`${platformSchema}.workspaces`).where({ id: run.workspace.id }).forShare().first('blueprint_version');
    if (Number(row?.blueprint_version) !== run.workspace.blueprint_version) throw new BlueprintMoved();
    const table = qualified(run.workspace.schema_name, entry.table);
    const batch = await readValueBatch(trx, table, entry.column, after, notCurrent(run, entry.column), run.batchSize);
    const rewritten: RewrittenValue[] = [];
    for (const { id, value } of batch) {
      try {
        const sealed = sealValue(run.keys, entry.storage, openValue(run.keys, entry.storage, value));
        rewritten.push({ id, value: sealed.envelope, index: sealed.index, old: value });
      } catch (error) {
        if (!(error instanceof PersonalDataError)) throw error;
        run.result.unreadable += 1;
      }
    }
    const written = await writeValueBatch(trx, table, entry.column, entry.storage.indexColumn, rewritten, true);
    run.result.rewritten += written;
    run.result.changedMeanwhile += rewritten.length - written;
    return batch.length < run.batchSize ? undefined : batch[batch.length - 1]!.id;
  });
}

async function readWorkspace(knex: Knex, slug: string): Promise<WorkspaceRow> {
  const row = await knex(`${platformSchema}.workspaces`).where({ slug }).where('blueprint_version', '>', 0).first('id', 'slug', 'schema_name', 'blueprint', 'blueprint_version');
  if (!row) throw new TesseraError('NOT_FOUND', { what: `workspace ${slug.slice(0, 64)}` });
  return { ...row, id: Number(row.id), blueprint_version: Number(row.blueprint_version) } as WorkspaceRow;
}

/** One pass over the workspace's encrypted columns; throws BlueprintMoved if a migration lands meanwhile. */
async function rotatePass(run: Run): Promise<void> {
  const columns = await storedEncryptedColumns(run.knex, await loadSchemaState(run.knex, run.workspace));
  run.result.columns = columns.length;
  run.result.total = run.result.rewritten + run.result.unreadable + run.result.changedMeanwhile + await countStale(run, columns);
  await run.report();
  for (const entry of columns) {
    let after: string | undefined;
    do {
      after = await rotateBatch(run, entry, after);
      await run.report();
    } while (after !== undefined);
  }
}

/**
 * Re-encrypts every value of a workspace (archived or not; live and archived encrypted fields)
 * whose envelope is not under the current key, and rewrites its blind index. Batches of 1,000 rows
 * by id, each in its own transaction: interrupted, a second run goes on with what is left (rows
 * already under the current key are not selected again). A row is only rewritten if it still holds
 * the envelope read, so a concurrent write wins. The platform API runs it on the job queue
 * (KeyRotationJob); the CLI in its own process. Audited in the platform log as `keys.rotate` with its counts.
 */
export async function rotateKeys(engine: { database: { knex: Knex }; keys: KeyRing }, slug: string, options: RotationOptions = {}): Promise<RotationResult> {
  const principal = options.principal ?? asSystem('rotate-keys');
  requirePlatformAdmin(principal);
  const knex = engine.database.knex;
  const result: RotationResult = { workspace: slug, keyId: engine.keys.currentKeyId, columns: 0, total: 0, rewritten: 0, unreadable: 0, changedMeanwhile: 0 };
  const run: Run = {
    knex, keys: engine.keys, workspace: await readWorkspace(knex, slug), batchSize: Math.max(1, Math.trunc(options.batchSize ?? rewriteBatchRows)), result,
    report: async () => { await options.onProgress?.({ workspace: slug, done: result.rewritten + result.unreadable + result.changedMeanwhile, total: result.total }); },
  };
  for (;;) {
    try {
      await rotatePass(run);
      break;
    } catch (error) {
      if (!(error instanceof BlueprintMoved)) throw error;
      run.workspace = await readWorkspace(knex, slug);
    }
  }
  await appendPlatformAudit(knex, { action: 'keys.rotate', principal, target: slug, workspaceId: run.workspace.id, details: { ...result } });
  return result;
}
