import { encryptedOperators, type Field, type FilterCondition, type ObjectDefinition } from '../documents/index.js';
import { TesseraError } from '../errors/index.js';
import type { KeyRing } from '../personal/index.js';
import { encryptedColumn, lookupIndexes } from '../schema/index.js';

/** Where an encrypted condition reads: the value column, the blind-index column (both aliased), and the field. */
export interface EncryptedTarget {
  column: string;
  indexColumn: string;
  object: ObjectDefinition;
  field: Field;
}

function indexesOf(keys: KeyRing | undefined, target: EncryptedTarget, values: unknown[]): string[] {
  if (!keys) throw new Error(`a filter on the encrypted field ${target.object.name}.${target.field.name} needs the key ring (CompileOptions.keys)`);
  const column = encryptedColumn(target.object.id, target.field);
  return values.flatMap((value) => (typeof value === 'string' ? lookupIndexes(keys, column, value) : []));
}

/**
 * A condition on an encrypted field. `eq` and `in` match the blind index of each value under every
 * key of the ring (rows not yet rewritten by a rotation still match); `ne` and `nin` are their
 * negation and, like the plain ones, keep rows without a value; `is_null` reads the value column.
 * Anything else would need the database to read inside ciphertexts: INVALID_FILTER.
 *
 * Rows found are not decrypted again to compare: a blind index is 128 bits of HMAC-SHA256, so two
 * different normalised values of one field share one with probability 2^-128 per pair (about
 * 10^-20 for a lookup among a billion stored values), far below any hardware fault rate. A re-check
 * would cost a decryption per row found and break paging and counts, for nothing measurable. Equal
 * means equal after normaliseForIndex (an email's case, a text's Unicode form and spacing do not count).
 */
export function encryptedConditionSql(condition: FilterCondition, target: EncryptedTarget, keys: KeyRing | undefined): { sql: string; bindings: unknown[] } {
  if (!encryptedOperators.has(condition.op)) {
    throw new TesseraError('INVALID_FILTER', { reason: `"${condition.op}" cannot be used on the encrypted field ${target.field.name}: only eq, ne, in, nin and is_null` });
  }
  const value = condition.value;
  switch (condition.op) {
    case 'eq': return { sql: `${target.indexColumn} = ANY(?::text[])`, bindings: [indexesOf(keys, target, [value])] };
    case 'in': return { sql: `${target.indexColumn} = ANY(?::text[])`, bindings: [indexesOf(keys, target, value as unknown[])] };
    case 'ne': return { sql: `(${target.indexColumn} IS NULL OR ${target.indexColumn} <> ALL(?::text[]))`, bindings: [indexesOf(keys, target, [value])] };
    case 'nin': return { sql: `(${target.indexColumn} IS NULL OR ${target.indexColumn} <> ALL(?::text[]))`, bindings: [indexesOf(keys, target, value as unknown[])] };
    default: return { sql: value === false ? `(${target.column} IS NOT NULL)` : `(${target.column} IS NULL)`, bindings: [] };
  }
}
