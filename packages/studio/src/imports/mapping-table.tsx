import { Select, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { ImportMapping, ImportPreview } from './import-types.js';
import { assignColumn, fieldsOfColumn, removeField, updateSource } from './mapping-edit.js';

/** Fields a file may fill: writable ones, not computed, not lists of links. */
export function importableFields(object: ModelObject) {
  return object.fields.filter((field) => field.access === 'write' && field.type !== 'autonumber' && field.type !== 'computed' && (field.type !== 'relation' || field.relation?.kind === 'many_to_one'));
}

/**
 * One row per column of the file: a few of its values, the field it feeds (suggested, with why),
 * the parts it also feeds (an address's province, city, district), for a date field the order of an
 * all-number date, and for a relation the related object's field its cells name the record by.
 */
export function MappingTable({ object, objects, preview, mapping, onChange }: { object: ModelObject; objects: ModelObject[]; preview: ImportPreview; mapping: ImportMapping; onChange: (next: ImportMapping) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = importableFields(object);
  const labelOf = (name: string) => format.label(fields.find((field) => field.name === name)?.label, name);
  const rows = preview.file.headers.map((header, column) => ({
    header,
    samples: preview.rows.map((row) => row.cells[column] ?? '').filter((cell) => cell.trim() !== '').slice(0, 3),
    feeds: fieldsOfColumn(mapping, header),
    suggestion: preview.suggestion?.find((entry) => entry.header === header),
  }));
  return (
    <Table
      rowKey="header" size="small" pagination={false} dataSource={rows} scroll={{ x: true }}
      columns={[
        { title: t('imports.mapping.column'), dataIndex: 'header', render: (header: string) => <Typography.Text strong>{header}</Typography.Text> },
        { title: t('imports.mapping.samples'), dataIndex: 'samples', render: (samples: string[]) => <Typography.Text type="secondary">{samples.join(' · ')}</Typography.Text> },
        {
          title: t('imports.mapping.field'), key: 'field', width: 280,
          render: (_: unknown, row) => {
            const whole = row.feeds.find((name) => !mapping.fields[name]?.part);
            const chosen = whole ? fields.find((field) => field.name === whole) : undefined;
            return (
              <>
                <Select
                  aria-label={`${t('imports.mapping.field')}: ${row.header}`} style={{ width: 240 }} showSearch optionFilterProp="label"
                  value={whole ?? ''} onChange={(value: string) => onChange(assignColumn(mapping, row.header, value || undefined))}
                  options={[{ value: '', label: t('imports.mapping.skip') }, ...fields.map((field) => ({ value: field.name, label: format.label(field.label, field.name) }))]}
                />
                {row.suggestion?.reason && whole === row.suggestion.field && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`imports.mapping.reason.${row.suggestion.reason}`)}</Typography.Text></div>}
                {chosen?.relation?.kind === 'many_to_one' && (
                  <Select
                    aria-label={t('imports.mapping.lookup')} size="small" style={{ width: 240, marginTop: 4 }} allowClear placeholder={t('imports.mapping.lookupById')}
                    value={mapping.fields[whole!]?.lookup} onChange={(lookup?: string) => onChange(updateSource(mapping, whole!, { lookup }))}
                    options={(objects.find((candidate) => candidate.name === chosen.relation!.target)?.fields ?? []).filter((field) => field.type !== 'relation')
                      .map((field) => ({ value: field.name, label: `${t('imports.mapping.lookup')}: ${format.label(field.label, field.name)}` }))}
                  />
                )}
                {(chosen?.type === 'date' || chosen?.type === 'datetime') && (
                  <Select
                    aria-label={t('imports.mapping.dateOrder')} size="small" style={{ width: 240, marginTop: 4 }}
                    value={mapping.fields[whole!]?.dateOrder ?? 'MDY'} onChange={(value: 'DMY' | 'MDY') => onChange(updateSource(mapping, whole!, { dateOrder: value }))}
                    options={[{ value: 'MDY', label: `${t('imports.mapping.dateOrder')}: 03/25/2024` }, { value: 'DMY', label: `${t('imports.mapping.dateOrder')}: 25/03/2024` }]}
                  />
                )}
              </>
            );
          },
        },
        {
          title: t('imports.mapping.part'), key: 'parts',
          render: (_: unknown, row) => row.feeds.filter((name) => mapping.fields[name]?.part).map((name) => (
            <Tag key={name} closable onClose={() => onChange(removeField(mapping, name))}>
              {labelOf(name)} ← {t(`imports.mapping.parts.${mapping.fields[name]!.part}`)}
            </Tag>
          )),
        },
      ]}
    />
  );
}
