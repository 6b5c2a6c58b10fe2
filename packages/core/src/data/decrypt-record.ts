import type { ObjectModel } from '../documents/index.js';
import { PersonalDataError, type KeyRing } from '../personal/index.js';
import { encryptedColumns, openValue } from '../schema/index.js';

/**
 * Replaces, in place, the envelopes of an object's encrypted fields in a row or record with their
 * plaintext, before anything else reads it (masking, reveal, export). A value that does not open
 * (altered, copied from another field, under a key the ring no longer holds) reads as null: one
 * bad value must not take a whole page down, and nothing about it is logged here (the error could
 * only name the row; the key rotation reports such rows as unreadable). Fields absent from the
 * row (field selection) are left alone. Answers the same object.
 */
export function decryptRecord<T extends Record<string, unknown>>(keys: KeyRing, object: ObjectModel, record: T): T {
  const columns = encryptedColumns(object.definition);
  if (columns.length === 0) return record;
  const target = record as Record<string, unknown>;
  for (const column of columns) {
    const value = target[column.field.name];
    if (typeof value !== 'string') continue;
    try {
      target[column.field.name] = openValue(keys, column, value);
    } catch (error) {
      if (!(error instanceof PersonalDataError)) throw error;
      target[column.field.name] = null;
    }
  }
  return record;
}

/** decryptRecord over rows read from one object's table. */
export function decryptRows<T extends Record<string, unknown>>(keys: KeyRing, object: ObjectModel, rows: T[]): T[] {
  if (encryptedColumns(object.definition).length > 0) for (const row of rows) decryptRecord(keys, object, row);
  return rows;
}
