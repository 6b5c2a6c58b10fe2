import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { titleFieldOf } from '../forms/record-title.js';
import { useFormat } from '../i18n/format.js';
import type { RecordRow } from '../records/use-records.js';
import { FieldValue } from './field-value.js';
import { recordPath } from './record-paths.js';
import { recordTitle } from './record-title.js';

/**
 * A compact table of related records: the record's title linking to its page, then `columns`
 * (the title field is not repeated).
 */
export function RelatedTable({ slug, object, columns, rows, loading, label }: {
  slug: string; object: ModelObject; columns: ModelField[]; rows: RecordRow[]; loading: boolean; label: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleName = titleFieldOf(object);
  const titleField = object.fields.find((field) => field.name === titleName);
  const shown = columns.filter((field) => field.name !== titleName);
  const table: TableColumnsType<RecordRow> = [
    {
      key: '__title',
      title: titleField ? format.label(titleField.label, titleField.name) : format.label(object.label, object.name),
      render: (_: unknown, row: RecordRow) => <Link to={recordPath(slug, object.name, String(row.id))}>{recordTitle(object, row, format, t)}</Link>,
    },
    ...shown.map((field) => ({
      key: field.name,
      title: format.label(field.label, field.name),
      render: (_: unknown, row: RecordRow) => <FieldValue field={field} value={row[field.name]} />,
    })),
  ];
  return (
    <Table<RecordRow>
      aria-label={label} rowKey={(row) => String(row.id)} columns={table} dataSource={rows}
      pagination={false} size="small" loading={loading} scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('record.related.empty') }}
    />
  );
}
