import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Drawer, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/error-alert.js';
import { RecordForm } from '../forms/record-form.js';
import { useFormat } from '../i18n/format.js';
import { tableFields } from '../records/display-value.js';
import { listPath } from './record-paths.js';
import type { RelatedList } from './related-lists.js';
import { RelatedTable } from './related-table.js';
import { SectionTitle } from './section-title.js';
import { relatedFilter, useRelatedRecords } from './use-related-records.js';

const pageSize = 10;

/** The title of a related list: its one-to-many field's label, else the object's, naming the field when the object points here twice. */
function useListTitle(list: RelatedList): string {
  const { t } = useTranslation();
  const format = useFormat();
  if (list.inverse) return format.label(list.inverse.label, list.inverse.name);
  const object = format.label(list.object.label, list.object.name);
  return list.shared ? t('record.related.via', { object, field: format.label(list.field.label, list.field.name) }) : object;
}

/**
 * One related list of a record: the first ten records pointing at it with their count, a link to
 * all of them on the list page, and "new" opening the object's form in a drawer with the relation set.
 */
export function RelatedListCard({ slug, list, id }: { slug: string; list: RelatedList; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [creating, setCreating] = useState(false);
  const title = useListTitle(list);
  const related = useRelatedRecords(slug, { object: list.object.name, field: list.field.name, id, limit: pageSize });
  const total = related.data?.page?.total;
  const canCreate = list.object.actions.includes('create') && list.field.access === 'write';
  const objectLabel = format.label(list.object.label, list.object.name);
  const extra = (
    <>
      {total !== undefined && <Typography.Text type="secondary">{t('record.related.count', { count: total, formatted: format.number(total) })}</Typography.Text>}
      <Link to={listPath(slug, list.object.name, relatedFilter({ field: list.field.name, id }))}>{t('record.related.viewAll')}</Link>
      {canCreate && <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)} aria-label={`${t('record.related.new')} ${objectLabel}`}>{t('record.related.new')}</Button>}
    </>
  );
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Card size="small" title={<SectionTitle>{title}</SectionTitle>} extra={<span style={{ display: 'inline-flex', gap: 12, alignItems: 'center' }}>{extra}</span>}>
        <ErrorAlert error={related.error} />
        <RelatedTable slug={slug} object={list.object} columns={tableFields(list.object.fields).slice(0, 5)} rows={related.data?.data ?? []} loading={related.isPending && !related.error} label={title} />
      </Card>
      <Drawer title={t('record.related.newTitle', { object: objectLabel })} open={creating} onClose={() => setCreating(false)} size="large" destroyOnHidden>
        <RecordForm
          slug={slug} object={list.object.name} editing initialValues={{ [list.field.name]: id }}
          onSaved={() => {
            setCreating(false);
            void client.invalidateQueries({ queryKey: ['records', slug, list.object.name] });
            void message.success(t('record.related.saved', { object: objectLabel }));
          }}
          onCancel={() => setCreating(false)}
        />
      </Drawer>
    </section>
  );
}
