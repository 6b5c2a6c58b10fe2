import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RelatedList } from './related-lists.js';
import { RelatedListCard } from './related-list-card.js';

/** The related lists tab of a record page: one card per object pointing at the record. */
export function RelatedListsPanel({ slug, lists, id }: { slug: string; lists: RelatedList[]; id: string }) {
  const { t } = useTranslation();
  if (lists.length === 0) return <Empty description={t('record.related.empty')} />;
  return <>{lists.map((list) => <RelatedListCard key={list.key} slug={slug} list={list} id={id} />)}</>;
}
