import type { Knex } from 'knex';
import { TesseraError } from '../errors/index.js';
import { decryptValue, encryptValue, type KeyRing } from '../personal/index.js';
import { duplicateTables, importTables, qualified } from '../schema/index.js';
import { noCounts, type ImportCounts, type ImportFile, type ImportStatus, type ImportSummary } from './import-types.js';

/** An import's row as stored. */
export interface ImportRow {
  id: string;
  object: string;
  status: ImportStatus;
  file: ImportFile;
  mapping: ImportSummary['mapping'];
  language: 'zh-CN' | 'en';
  batch_size: number;
  rows_done: number;
  rows_total: number | null;
  counts: ImportCounts;
  error: ImportSummary['error'];
  cancel_requested: boolean;
  created_by: string;
  created_by_label: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
}

/** The import tables of one workspace schema, and the sealing of what they hold of personal data. */
export class ImportStore {
  readonly imports: string;
  readonly batches: string;
  readonly rejects: string;
  /** The duplicates review queue, where rows that probably duplicate a record wait. */
  readonly duplicates: string;
  readonly dedupeRuns: string;

  constructor(readonly schema: string, private readonly keys: KeyRing) {
    this.imports = qualified(schema, importTables.imports);
    this.batches = qualified(schema, importTables.batches);
    this.rejects = qualified(schema, importTables.rejects);
    this.duplicates = qualified(schema, duplicateTables.pairs);
    this.dedupeRuns = qualified(schema, duplicateTables.runs);
  }

  /** Seals a value of import `id` (old values, rejected rows): personal data is never stored in clear. */
  seal(id: string, value: unknown): string {
    return encryptValue(this.keys, JSON.stringify(value), `${this.schema}.import.${id}`);
  }

  open<T>(id: string, sealed: string): T {
    return JSON.parse(decryptValue(this.keys, sealed, `${this.schema}.import.${id}`)) as T;
  }

  /** One import; NOT_FOUND when there is none with that id. `lock` takes its row lock in a transaction. */
  async get(knex: Knex, id: string, lock = false): Promise<ImportRow> {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const row = uuid.test(id) ? await knex.raw(`SELECT * FROM ${this.imports} WHERE id = ?${lock ? ' FOR UPDATE' : ''}`, [id]).then((result: { rows: ImportRow[] }) => result.rows[0]) : undefined;
    if (!row) throw new TesseraError('NOT_FOUND', { what: `import ${id.slice(0, 64)}` });
    return row;
  }
}

/** What callers see of an import. */
export function importSummary(row: ImportRow): ImportSummary {
  const { path: _path, ...file } = row.file;
  return {
    id: row.id, object: row.object, status: row.status, file, mapping: row.mapping, language: row.language,
    rowsDone: row.rows_done, rowsTotal: row.rows_total, counts: { ...noCounts(), ...row.counts }, error: row.error, createdBy: row.created_by, createdByLabel: row.created_by_label,
    createdAt: row.created_at, startedAt: row.started_at, finishedAt: row.finished_at, undoneAt: row.undone_at,
  };
}
