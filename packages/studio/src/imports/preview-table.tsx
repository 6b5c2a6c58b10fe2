import { Table, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import type { ImportMapping, ImportPreview } from './import-types.js';
import { OutcomeTag } from './import-status-tag.js';

type PreviewRow = ImportPreview['rows'][number];

/** The columns whose cells a field's error is about (the columns it is mapped from). */
function columnsOf(mapping: ImportMapping, field: string): string[] {
  const from = mapping.fields[field]?.from;
  return from === undefined ? [] : Array.isArray(from) ? from : [from];
}

/**
 * The first rows as the import would treat them: each row's outcome, its cells (a cell behind an
 * error in red, the reason on hover) and its problems in words.
 */
export function PreviewTable({ object, preview, mapping }: { object: ModelObject; preview: ImportPreview; mapping: ImportMapping }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const labelOf = (name: string) => format.label(object.fields.find((field) => field.name === name)?.label, name);
  const problemsAt = (row: PreviewRow, header: string) => (row.errors ?? []).filter((error) => columnsOf(mapping, error.pointer.slice(1)).includes(header));
  return (
    <Table
      rowKey="number" size="small" pagination={false} scroll={{ x: true }} dataSource={preview.rows}
      rowClassName={(row) => (row.outcome === 'rejected' ? 'import-row-rejected' : '')}
      columns={[
        { title: t('imports.preview.row'), dataIndex: 'number', fixed: 'left', width: 64 },
        { title: t('imports.preview.outcome'), dataIndex: 'outcome', width: 90, render: (outcome: PreviewRow['outcome']) => <OutcomeTag outcome={outcome} /> },
        ...preview.file.headers.map((header, column) => ({
          title: header, key: `c${column}`,
          render: (_: unknown, row: PreviewRow) => {
            const problems = problemsAt(row, header);
            const text = row.cells[column] ?? '';
            return problems.length === 0 ? text : (
              <Tooltip title={problems.map((problem) => problem.message[locale]).join('; ')}>
                <Typography.Text type="danger" data-error="true" style={{ textDecoration: 'underline wavy' }}>{text || '∅'}</Typography.Text>
              </Tooltip>
            );
          },
        })),
        {
          title: t('imports.preview.errors'), key: 'errors',
          render: (_: unknown, row: PreviewRow) => (row.errors ?? []).map((error) => `${labelOf(error.pointer.slice(1))}: ${error.message[locale]}`).join('; '),
        },
      ]}
    />
  );
}
