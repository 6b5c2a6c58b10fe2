import { randomUUID } from 'node:crypto';
import { fieldError, TesseraError, type FieldError } from '../errors/index.js';
import type { ObjectModel } from '../documents/index.js';
import { validateRecord } from './record-validators.js';
import { splitRecord, type SplitRecord } from './column-values.js';

/** How a bulk request writes: insert all, update by id, or insert-or-update by a unique key. */
export type BulkMode = 'create' | 'update' | 'upsert';

/** Records of one chunk that set the same columns, so they can share one statement. */
export type ColumnGroups = Map<string, SplitRecord[]>;

/** A response lists at most this many field errors; `count` still says how many there were. */
const maxReportedErrors = 1_000;
/** At most this many errors of one record are listed. */
const maxErrorsPerRecord = 20;

/**
 * Validates a bulk request chunk by chunk, so that validation of one chunk can overlap with the
 * database writing the previous one. Remembers every error and every key seen (a key twice in one
 * request is an error), and splits valid records into columns grouped by the columns they set.
 */
export class BulkChunker {
  private readonly errors: FieldError[] = [];
  private errorCount = 0;
  private readonly seenKeys = new Set<unknown>();
  private readonly keyName: string | undefined;

  constructor(private readonly object: ObjectModel, private readonly mode: BulkMode, private readonly records: unknown[], key: string | undefined) {
    this.keyName = mode === 'update' ? 'id' : key;
  }

  get failed(): boolean {
    return this.errorCount > 0;
  }

  /** Validates records [start, end); answers their column groups (empty once any record failed). */
  prepare(start: number, end: number): ColumnGroups {
    const groups: ColumnGroups = new Map();
    for (let index = start; index < Math.min(end, this.records.length); index += 1) {
      const record = this.records[index];
      this.check(record, index);
      if (this.failed) continue;
      const part = splitRecord(this.object, record as Record<string, unknown>, 'recordset');
      if (this.mode === 'create') part.columns.id ??= randomUUID();
      const signature = Object.keys(part.columns).sort().join(',');
      const group = groups.get(signature);
      if (group) group.push(part);
      else groups.set(signature, [part]);
    }
    return this.failed ? new Map() : groups;
  }

  /** Throws VALIDATION_FAILED listing the errors, if any record failed. */
  throwIfFailed(): void {
    if (this.failed) throw new TesseraError('VALIDATION_FAILED', { count: this.errorCount }, { errors: this.errors });
  }

  private check(record: unknown, index: number): void {
    const found = validateRecord(this.object, record, this.mode === 'update' ? 'patch' : 'create', `/records/${index}`);
    if (this.mode === 'update' && found.length === 0 && typeof (record as { id?: unknown }).id !== 'string') found.push(fieldError(`/records/${index}/id`, 'required'));
    const value = this.keyName === undefined ? undefined : (record as Record<string, unknown> | null)?.[this.keyName];
    if (value !== undefined && value !== null && typeof value !== 'object') {
      if (this.seenKeys.has(value)) found.push(fieldError(`/records/${index}/${this.keyName}`, 'duplicate_item'));
      this.seenKeys.add(value);
    }
    this.errorCount += found.length;
    this.errors.push(...found.slice(0, Math.min(maxErrorsPerRecord, maxReportedErrors - this.errors.length)));
  }
}
