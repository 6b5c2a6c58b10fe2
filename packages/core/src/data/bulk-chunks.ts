import { randomUUID } from 'node:crypto';
import { fieldError, TesseraError, type FieldError } from '../errors/index.js';
import type { ObjectModel } from '../documents/index.js';
import { validateRecord } from './record-validators.js';
import { splitRecord, type SplitRecord } from './column-values.js';
import { uniqueValue } from './unique-value.js';

/** How a bulk request writes: insert all, update by id, or insert-or-update by a unique key. */
export type BulkMode = 'create' | 'update' | 'upsert';

/** Records of one chunk that set the same columns, so they can share one statement. */
export type ColumnGroups = Map<string, SplitRecord[]>;

/** A response lists at most this many field errors; `count` still says how many there were. */
const maxReportedErrors = 1_000;
/** At most this many errors of one record are listed. */
const maxErrorsPerRecord = 20;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Validates a bulk request chunk by chunk, so that validation of one chunk can overlap with the
 * database writing the previous one. Remembers every error and every unique value seen (id and
 * unique fields: one given twice in a request is an error at the second record), and splits valid
 * records into columns grouped by the columns they set.
 */
export class BulkChunker {
  private readonly errors: FieldError[] = [];
  private errorCount = 0;
  private readonly seen = new Map<string, Set<unknown>>();

  constructor(private readonly object: ObjectModel, private readonly mode: BulkMode, private readonly records: unknown[]) {
    for (const name of ['id', ...object.definition.fields.filter((field) => field.unique).map((field) => field.name)]) this.seen.set(name, new Set());
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
    const found = this.mode === 'update' ? this.checkUpdate(record, index) : validateRecord(this.object, record, 'create', `/records/${index}`);
    if (found.length === 0) {
      for (const [name, values] of this.seen) {
        const value = uniqueValue(this.object.fields.get(name), (record as Record<string, unknown>)[name]);
        if (value === undefined) continue;
        if (values.has(value)) found.push(fieldError(`/records/${index}/${name}`, 'duplicate_item'));
        values.add(value);
      }
    }
    this.errorCount += found.length;
    this.errors.push(...found.slice(0, Math.min(maxErrorsPerRecord, maxReportedErrors - this.errors.length)));
  }

  /** An update names its record by `id`; the rest is a partial record (with `version`, checked on write). */
  private checkUpdate(record: unknown, index: number): FieldError[] {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return validateRecord(this.object, record, 'patch', `/records/${index}`);
    const { id, ...changes } = record as Record<string, unknown>;
    const found = validateRecord(this.object, changes, 'patch', `/records/${index}`);
    if (id === undefined) found.push(fieldError(`/records/${index}/id`, 'required'));
    else if (typeof id !== 'string' || !uuid.test(id)) found.push(fieldError(`/records/${index}/id`, 'format', { format: 'uuid' }));
    return found;
  }
}
