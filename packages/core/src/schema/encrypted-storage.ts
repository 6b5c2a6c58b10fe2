import type { Field, ObjectDefinition } from '../documents/index.js';
import { blindIndex, blindIndexesForLookup, decryptValue, encryptValue, normaliseForIndex, type KeyRing } from '../personal/index.js';
import { blindIndexColumn } from './physical-names.js';

/** Where an encrypted field's value and its blind index live, and what binds them to the field. */
export interface EncryptedColumn {
  field: Field;
  /** The blind-index column (`_bx_…`). */
  indexColumn: string;
  /** The encryption and blind-index context: `<object id>.<field id>`. */
  context: string;
}

/** An envelope and the blind index of the same value. */
export interface SealedValue {
  envelope: string;
  index: string;
}

/**
 * The context an encrypted field's values are bound to: its object's and its own stable ids. Not
 * the workspace: a clone copies ciphertexts as they are (INSERT … SELECT) and must read them;
 * renames keep ids, so they keep every value readable.
 */
export function encryptionContext(objectId: string, fieldId: string): string {
  return `${objectId}.${fieldId}`;
}

/** An encrypted field's storage: blind-index column and context. */
export function encryptedColumn(objectId: string, field: Field): EncryptedColumn {
  return { field, indexColumn: blindIndexColumn(objectId, field.id), context: encryptionContext(objectId, field.id) };
}

const byObject = new WeakMap<ObjectDefinition, EncryptedColumn[]>();

/** The encrypted fields of an object, worked out once per blueprint version. */
export function encryptedColumns(object: ObjectDefinition): EncryptedColumn[] {
  let columns = byObject.get(object);
  if (!columns) byObject.set(object, columns = object.fields.filter((field) => field.encrypted === true).map((field) => encryptedColumn(object.id, field)));
  return columns;
}

/** The envelope of a plaintext under the current key, and its blind index (of the normalised value). */
export function sealValue(keys: KeyRing, column: EncryptedColumn, plaintext: string): SealedValue {
  return { envelope: encryptValue(keys, plaintext, column.context), index: blindIndex(keys, normaliseForIndex(column.field.type, plaintext), column.context) };
}

/** The plaintext of a stored envelope; throws PersonalDataError when it is altered, misplaced or under an unknown key. */
export function openValue(keys: KeyRing, column: EncryptedColumn, envelope: string): string {
  return decryptValue(keys, envelope, column.context);
}

/** The blind indexes an exact lookup of `value` matches: under the current key and every previous one. */
export function lookupIndexes(keys: KeyRing, column: EncryptedColumn, value: string): string[] {
  return blindIndexesForLookup(keys, normaliseForIndex(column.field.type, value), column.context);
}

/** What every envelope starts with: the rows a key rotation still has to rewrite do not start with `tse1.<current key id>.`. */
export const envelopePrefix = 'tse1.';
