import { Button, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ObjectDefinition } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';

/** The objects of the blueprint: label (to its editor), API name, field count, and what to do with each. */
export function ObjectsTable({ slug, objects, disabled, onRename, onArchive }: {
  slug: string; objects: ObjectDefinition[]; disabled: boolean;
  onRename: (object: ObjectDefinition) => void; onArchive: (object: ObjectDefinition) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = `/w/${encodeURIComponent(slug)}/build`;
  const columns = [
    { key: 'label', title: t('build.objects.label'), render: (_: unknown, object: ObjectDefinition) => <Link to={`${base}/objects/${encodeURIComponent(object.name)}`}>{format.label(object.label, object.name)}</Link> },
    { key: 'name', title: t('build.objects.name'), render: (_: unknown, object: ObjectDefinition) => <code>{object.name}</code> },
    { key: 'fields', title: t('build.objects.fieldCount'), align: 'end' as const, render: (_: unknown, object: ObjectDefinition) => format.number(object.fields.length) },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, object: ObjectDefinition) => {
        const name = format.label(object.label, object.name);
        return (
          <Space wrap>
            <Link to={`${base}/objects/${encodeURIComponent(object.name)}`} aria-label={t('build.objects.editFieldsNamed', { name })}>{t('build.objects.editFields')}</Link>
            <Link to={`${base}/forms/${encodeURIComponent(object.name)}`} aria-label={t('build.objects.formNamed', { name })}>{t('build.objects.form')}</Link>
            <Button size="small" type="link" disabled={disabled} aria-label={t('build.objects.renameNamed', { name })} onClick={() => onRename(object)}>{t('build.objects.rename')}</Button>
            <Button size="small" type="link" danger disabled={disabled} aria-label={t('build.objects.archiveNamed', { name })} onClick={() => onArchive(object)}>{t('build.objects.archive')}</Button>
          </Space>
        );
      },
    },
  ];
  return <Table<ObjectDefinition> rowKey="id" columns={columns} dataSource={objects} pagination={false} />;
}
