import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import { displayValue } from './display-value.js';
import type { ListColumn } from './effective-list.js';
import type { SortKey } from './list-state.js';
import { recordPath } from './record-title.js';
import { RelationCell } from './relation-cell.js';
import type { RecordRow } from './use-records.js';

/** True when the list API can order by the field (never a list of values, JSON, a relation or an encrypted value). */
export function isSortable(field: ModelField): boolean {
  return !['multi_select', 'json', 'relation'].includes(field.type) && field.encrypted !== true;
}

/** What the columns are built from. */
export interface ColumnContext {
  slug: string;
  object: ModelObject;
  objects: ModelObject[];
  columns: ListColumn[];
  sort: SortKey[];
  /** Personal values revealed so far, by record id. */
  revealed: Record<string, Record<string, unknown>>;
  format: Formatters;
  t: TFunction;
}

function cell(context: ColumnContext, field: ModelField, row: RecordRow) {
  const { slug, object, objects, revealed, format, t } = context;
  const value = revealed[String(row.id)]?.[field.name] ?? row[field.name];
  if (field.type === 'relation') return <RelationCell slug={slug} field={field} objects={objects} value={value} format={format} t={t} />;
  const text = displayValue(field, value, format, t);
  if (field.name !== object.titleField) return text;
  return <Link to={recordPath(slug, object.name, String(row.id))}>{text || t('list.untitled')}</Link>;
}

/** The table's field columns: labels, widths, the order shown on the sorted one, values as text (the title linked to its record). */
export function recordColumns(context: ColumnContext): TableColumnsType<RecordRow> {
  const { object, columns, sort, format } = context;
  const first = sort[0];
  return columns.flatMap((column) => {
    const field = object.fields.find((candidate) => candidate.name === column.field);
    if (!field) return [];
    const sortable = isSortable(field);
    return [{
      key: field.name,
      dataIndex: field.name,
      title: format.label(field.label, field.name),
      ...(column.width ? { width: column.width } : {}),
      sorter: sortable,
      ...(sortable ? { sortOrder: first?.field === field.name ? (first.direction === 'desc' ? 'descend' as const : 'ascend' as const) : null } : {}),
      render: (_: unknown, row: RecordRow) => cell(context, field, row),
    }];
  });
}
