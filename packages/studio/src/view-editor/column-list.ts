import { arrayMove } from '@dnd-kit/sortable';
import type { View } from '../api/documents.js';

/** A view's columns, in order. */
export type Columns = View['columns'];

/** The columns with one more at the end (a field already shown is not added twice). */
export function addColumn(columns: Columns, field: string): Columns {
  return columns.some((column) => column.field === field) ? columns : [...columns, { field }];
}

/** The columns without one. */
export function removeColumn(columns: Columns, field: string): Columns {
  return columns.filter((column) => column.field !== field);
}

/** The columns with one moved onto another's place (a drag ended over it). */
export function moveColumn(columns: Columns, field: string, over: string): Columns {
  const from = columns.findIndex((column) => column.field === field);
  const to = columns.findIndex((column) => column.field === over);
  return from < 0 || to < 0 ? columns : arrayMove(columns, from, to);
}

/** The columns with one's width set, or cleared (undefined: the list sizes it). */
export function setColumnWidth(columns: Columns, field: string, width: number | undefined): Columns {
  return columns.map((column) => {
    if (column.field !== field) return column;
    const { width: _old, ...rest } = column;
    return width === undefined ? rest : { ...rest, width: Math.round(width) };
  });
}
