/**
 * Prototypes (inside bench/, the engine is not changed) of two changes to bulkWrite that the
 * breakdown points at, measured by benchmark 1 next to the engine as it is:
 *
 * 1. Pipelining: bulkWrite validates every record, then writes; Node and PostgreSQL take turns.
 *    Here the next chunk is validated, split and encoded while the previous statement runs in
 *    PostgreSQL (still one transaction per call, all or nothing, every error reported).
 * 2. A fast path for the phone format: libphonenumber-js with its default ("min") metadata only
 *    checks the shape of a number, and for "+861" followed by 10 digits always says valid; a
 *    regular expression accepts that shape, anything else still goes to isValidPhoneNumber.
 */
import {
  TesseraError, ajvErrorsToFieldErrors, createRecordAjv, fieldError, fieldValueSchema, isReadOnly, systemColumns,
  throwIfErrors, validateRecord, type BulkResult, type DataContext, type FieldError, type ObjectModel,
} from '../packages/core/src/index.js';
// Deep imports (read-only): the engine's own statement and record splitting.
import { insertRows } from '../packages/core/src/data/insert-rows.js';
import { splitRecord } from '../packages/core/src/data/column-values.js';
import { translateWriteError } from '../packages/core/src/data/translate-write-error.js';
import { isValidPhoneNumber } from './deps.js';

/** Validates one record; returns its errors (JSON pointers under /records/<index>). */
export type RecordCheck = (object: ObjectModel, record: unknown, index: number) => FieldError[];

/** The engine's own validator, as bulkWrite calls it. */
export const engineCheck: RecordCheck = (object, record, index) => validateRecord(object, record, 'create', `/records/${index}`);

const chinaMobile = /^\+861\d{10}$/;

/** The phone format with the fast path: same answers as isValidPhoneNumber(value, 'CN') with min metadata. */
export function fastPhone(value: string): boolean {
  return value.length <= 32 && (chinaMobile.test(value) || isValidPhoneNumber(value, 'CN'));
}

/** A record validator compiled like the engine's (same field schemas) but with the fast phone format. */
export function fastPhoneCheck(object: ObjectModel): RecordCheck {
  const ajv = createRecordAjv();
  ajv.addFormat('phone', { type: 'string', validate: fastPhone });
  const properties: Record<string, object> = Object.create(null) as Record<string, object>;
  const required: string[] = [];
  for (const field of object.definition.fields) {
    if (isReadOnly(field)) continue;
    properties[field.name] = fieldValueSchema(field);
    if (field.required && field.default === undefined) required.push(field.name);
  }
  properties.id = { type: 'string', format: 'uuid' };
  const validate = ajv.compile({ type: 'object', properties, required, additionalProperties: false });
  const readOnly = new Set<string>([...systemColumns, ...object.definition.fields.filter(isReadOnly).map((field) => field.name)]);
  return (_object, record, index) => {
    const prefix = `/records/${index}`;
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return [fieldError(prefix, 'type', { expected: 'object' })];
    const errors: FieldError[] = [];
    for (const key of Object.keys(record)) if (readOnly.has(key) && key !== 'id') errors.push(fieldError(`${prefix}/${key}`, 'read_only'));
    if (!validate(record)) errors.push(...ajvErrorsToFieldErrors(validate.errors, prefix));
    return errors;
  };
}

/** Options of the pipelined prototype. */
export interface PipelineOptions {
  check?: RecordCheck;
  statementRows?: number;
  /** false: validate/encode each chunk only after the previous statement returned (to isolate the pipelining's effect) */
  overlap?: boolean;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * bulkWrite(context, object, 'upsert', records, key), pipelined: chunk k+1 is validated and encoded
 * while chunk k's statement runs. Same statement, same transaction per call, same all-or-nothing
 * outcome and the same error list (validation goes on to the end, then the transaction rolls back).
 * Limited to what the benchmark needs: upsert on a unique key, objects without many_to_many fields.
 */
export async function pipelinedUpsert(context: DataContext, objectName: string, records: unknown[], key: string, options: PipelineOptions = {}): Promise<BulkResult> {
  const object = context.model.objects.get(objectName);
  if (!object) throw new TesseraError('NOT_FOUND', { what: `object ${objectName}` });
  const check = options.check ?? engineCheck;
  const chunkRows = options.statementRows ?? 1_000;
  const errors: FieldError[] = [];
  const seen = new Map<unknown, number>();

  // Validates and splits records [start, start + chunkRows), grouped by the columns they set.
  const prepare = (start: number): Map<string, Record<string, unknown>[]> => {
    const groups = new Map<string, Record<string, unknown>[]>();
    for (let index = start; index < Math.min(start + chunkRows, records.length); index += 1) {
      const record = records[index];
      const found = check(object, record, index);
      errors.push(...found.slice(0, 20));
      const value = (record as Record<string, unknown> | null)?.[key];
      if (value !== undefined && value !== null) {
        if (seen.has(value)) errors.push(fieldError(`/records/${index}/${key}`, 'duplicate_item'));
        seen.set(value, index);
      }
      if (errors.length > 0) continue;
      const { columns } = splitRecord(object, record as Record<string, unknown>, 'recordset');
      const signature = Object.keys(columns).sort().join(',');
      const group = groups.get(signature) ?? [];
      group.push(columns);
      groups.set(signature, group);
    }
    return groups;
  };

  try {
    return await context.knex.transaction(async (trx) => {
      const result: BulkResult = { created: 0, updated: 0 };
      let next = prepare(0);
      for (let start = 0; start < records.length; start += chunkRows) {
        const current = options.overlap === false && start > 0 ? prepare(start) : next;
        const writes = errors.length > 0 ? [] : [...current].map(([signature, rows]) => insertRows(trx, context.schema, object, signature.split(','), rows, context.actor, key));
        const settled = Promise.allSettled(writes);
        if (writes.length > 0) await yieldToIo(); // let the statement reach PostgreSQL before the next chunk's CPU work
        if (options.overlap !== false) next = start + chunkRows < records.length ? prepare(start + chunkRows) : new Map();
        for (const outcome of await settled) {
          if (outcome.status === 'rejected') throw outcome.reason;
          for (const row of outcome.value) result[row.inserted ? 'created' : 'updated'] += 1;
        }
      }
      throwIfErrors(errors);
      return result;
    });
  } catch (error) {
    throw error instanceof TesseraError ? error : translateWriteError(error, context.model);
  }
}
