import type { ImportMapping } from '../documents/index.js';
import type { TableFormat } from './read/open-table.js';
import type { TextEncoding } from './read/detect-encoding.js';
import type { RowOutcome } from './plan-batch.js';

/** How many rows ended how; `read` always equals the sum of the others. */
export type ImportCounts = Record<'read' | RowOutcome, number>;

/** Where an import stands. */
export type ImportStatus = 'queued' | 'running' | 'done' | 'failed' | 'canceled' | 'undone';

/** The file an import reads, as found when it started. */
export interface ImportFile {
  name: string;
  path: string;
  size: number;
  sha256: string;
  format: TableFormat;
  sheet?: string | number;
  encoding?: TextEncoding;
  delimiter?: string;
  headers: string[];
  /** An upload kept for this import only (deleted when it ends). */
  owned?: boolean;
  /** Every sheet of a workbook. */
  sheets?: string[];
}

/** An import as callers see it (the file's path on the server stays inside). */
export interface ImportSummary {
  id: string;
  object: string;
  status: ImportStatus;
  file: Omit<ImportFile, 'path'>;
  mapping: ImportMapping;
  language: 'zh-CN' | 'en';
  rowsDone: number;
  rowsTotal: number | null;
  counts: ImportCounts;
  error: { code: string; message: { 'zh-CN': string; en: string } } | null;
  createdBy: string;
  /** Who started it, as the audit log names them (an email, an API key's name, the CLI). */
  createdByLabel: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
}

/** Counts of an import that has not read anything yet. */
export const noCounts = (): ImportCounts => ({ read: 0, created: 0, updated: 0, merged: 0, skipped: 0, rejected: 0, review: 0 });
