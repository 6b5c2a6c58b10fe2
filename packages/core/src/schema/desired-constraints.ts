import type { Blueprint } from '../documents/index.js';
import { foreignKeyName, indexName } from './physical-names.js';

/** An index the blueprint asks for, named from stable ids. */
export interface DesiredIndex {
  index: string;
  objectId: string;
  table: string;
  /** Column names; a leading "-" orders that column DESC NULLS LAST (see indexColumn). */
  columns: string[];
  unique: boolean;
}

/** A foreign key of a many_to_one field. */
export interface DesiredForeignKey {
  constraint: string;
  objectId: string;
  fieldId: string;
  table: string;
  column: string;
  target: string;
  onDelete: string;
}

/** A column of an index: its name and whether it is ordered descending (written "-name"). */
export function indexColumn(column: string): { name: string; descending: boolean } {
  return column.startsWith('-') ? { name: column.slice(1), descending: true } : { name: column, descending: false };
}

/**
 * The order a list has when the client gives no sort (see list-query.ts), and so the index every
 * object table gets: opening a list of millions of records reads one page, never sorts them all.
 */
export const defaultSortIndexColumns = ['-created_at', 'id'];

/**
 * Every index of a blueprint: the default-sort index, unique and indexed fields, many_to_one
 * columns, declared indexes.
 */
export function desiredIndexes(blueprint: Blueprint | null): Map<string, DesiredIndex> {
  const result = new Map<string, DesiredIndex>();
  for (const object of blueprint?.objects ?? []) {
    const idOf = new Map(object.fields.map((field) => [field.name, field.id] as const));
    const add = (names: string[], unique: boolean) => {
      const ids = names.map((name) => {
        const column = indexColumn(name);
        return `${column.descending ? '-' : ''}${idOf.get(column.name) ?? column.name}`;
      });
      const index = indexName(object.id, ids, unique);
      result.set(index, { index, objectId: object.id, table: object.name, columns: names, unique });
    };
    add(defaultSortIndexColumns, false);
    for (const field of object.fields) {
      if (field.unique) add([field.name], true);
      else if (field.indexed || field.relation?.kind === 'many_to_one') add([field.name], false);
    }
    for (const declared of object.indexes ?? []) add(declared.fields, declared.unique ?? false);
  }
  return result;
}

const onDeleteSql: Record<string, string> = { restrict: 'RESTRICT', set_null: 'SET NULL', cascade: 'CASCADE' };

/** Every foreign key of a blueprint. */
export function desiredForeignKeys(blueprint: Blueprint | null): Map<string, DesiredForeignKey> {
  const result = new Map<string, DesiredForeignKey>();
  for (const object of blueprint?.objects ?? []) {
    for (const field of object.fields) {
      if (field.relation?.kind !== 'many_to_one') continue;
      const constraint = foreignKeyName(object.id, field.id);
      result.set(constraint, {
        constraint, objectId: object.id, fieldId: field.id, table: object.name, column: field.name,
        target: field.relation.target, onDelete: onDeleteSql[field.relation.onDelete ?? 'set_null']!,
      });
    }
  }
  return result;
}
