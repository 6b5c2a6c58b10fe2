import { Flex, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query, seg } from '../api/client.js';
import { useFormat } from '../i18n/format.js';
import type { ImportSummary } from './import-types.js';

/** Rows of an import waiting in the duplicates review queue; imports from before the queue have none. */
export function reviewCount(summary: ImportSummary): number {
  return summary.counts.review ?? 0;
}

/** An import's rows in review, and (when there are some) the way to the queue narrowed to them. */
export function ReviewCount({ slug, summary }: { slug: string; summary: ImportSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = reviewCount(summary);
  return (
    <Flex vertical gap={4} data-testid="import-review">
      <Statistic title={t('imports.outcome.review')} value={format.number(count)} />
      {count > 0 && <Link to={`/w/${seg(slug)}/duplicates${query({ object: summary.object, importId: summary.id })}`}>{t('imports.detail.review')}</Link>}
    </Flex>
  );
}
