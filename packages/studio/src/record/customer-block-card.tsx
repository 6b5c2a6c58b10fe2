import { Card, Empty, Spin, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../components/error-alert.js';
import { titleFieldOf } from '../forms/record-title.js';
import { useFormat } from '../i18n/format.js';
import type { RecordRow } from '../records/use-records.js';
import type { Customer360Block } from './customer-360-layout.js';
import { FieldValue } from './field-value.js';
import { listPath, recordPath } from './record-paths.js';
import { recordTitle } from './record-title.js';
import { RelatedTable } from './related-table.js';
import { SectionTitle } from './section-title.js';
import { relatedFilter, useRelatedRecords } from './use-related-records.js';

const blockSize = 5;

/** Interactions as a timeline: when, then the kind and the subject linking to the record. */
function BlockTimeline({ slug, block, rows }: { slug: string; block: Customer360Block; rows: RecordRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const when = block.columns.find((field) => field.type === 'datetime' || field.type === 'date');
  const others = block.columns.filter((field) => field !== when && field.name !== titleFieldOf(block.object));
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('record.c360.empty')} />;
  return (
    <Timeline
      items={rows.map((row) => ({
        key: String(row.id),
        content: (
          <span style={{ display: 'inline-flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
            {when && typeof row[when.name] === 'string' && <Typography.Text type="secondary">{format.dateTime(String(row[when.name]))}</Typography.Text>}
            {others.map((field) => <FieldValue key={field.name} field={field} value={row[field.name]} />)}
            <Link to={recordPath(slug, block.object.name, String(row.id))}>{recordTitle(block.object, row, format, t)}</Link>
          </span>
        ),
      }))}
    />
  );
}

/** One block of a customer's 360 page: the latest few related records, their count and a link to all of them. */
export function CustomerBlockCard({ slug, block, id }: { slug: string; block: Customer360Block; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const related = useRelatedRecords(slug, {
    object: block.object.name, field: block.field.name, id, limit: blockSize,
    ...(block.sort ? { sort: block.sort } : {}), ...(block.filter ? { filter: block.filter } : {}),
  });
  const title = t(`record.c360.${block.kind}`);
  const total = related.data?.page?.total;
  const rows = related.data?.data ?? [];
  const extra = (
    <span style={{ display: 'inline-flex', gap: 12, alignItems: 'center' }}>
      {total !== undefined && <Typography.Text type="secondary">{t('record.related.count', { count: total, formatted: format.number(total) })}</Typography.Text>}
      <Link to={listPath(slug, block.object.name, relatedFilter({ field: block.field.name, id, filter: block.filter }))}>{t('record.related.viewAll')}</Link>
    </span>
  );
  return (
    <section aria-label={title} style={{ marginBottom: 16 }}>
      <Card size="small" title={<SectionTitle>{title}</SectionTitle>} extra={extra}>
        <ErrorAlert error={related.error} />
        {block.display === 'timeline'
          ? (related.isPending && !related.error ? <Spin /> : <BlockTimeline slug={slug} block={block} rows={rows} />)
          : <RelatedTable slug={slug} object={block.object} columns={block.columns} rows={rows} loading={related.isPending && !related.error} label={title} />}
      </Card>
    </section>
  );
}
