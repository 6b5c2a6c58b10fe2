import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Empty, Flex, Pagination, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { duplicateApi, type PairFilter } from './duplicate-api.js';
import { PairCard } from './pair-card.js';

const pageSize = 10;

/** One page of an object's pending or resolved pairs, narrowed to an import or a dedupe run when asked. */
export function DuplicateQueue({ slug, object, filter }: { slug: string; object: ModelObject; filter: Omit<PairFilter, 'limit' | 'offset'> }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const asked: PairFilter = { ...filter, limit: pageSize, offset: (page - 1) * pageSize };
  const list = useQuery({ queryKey: ['duplicates', slug, asked], queryFn: () => duplicateApi.list(slug, asked), placeholderData: keepPreviousData });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // The last pairs of a page decided: show the page before, which still has some.
  useEffect(() => { if (list.data && items.length === 0 && page > 1) setPage(Math.max(1, Math.ceil(total / pageSize))); }, [list.data, items.length, page, total]);
  return (
    <Flex vertical gap={16} data-testid="duplicate-queue">
      <ErrorAlert error={list.error} />
      {list.isLoading && <Spin />}
      {list.data && items.length === 0 && <Empty description={t(filter.status === 'pending' ? 'duplicates.queue.emptyPending' : 'duplicates.queue.emptyResolved')} />}
      {items.map((pair) => <PairCard key={pair.id} slug={slug} object={object} pair={pair} />)}
      {total > pageSize && <Pagination align="end" current={page} pageSize={pageSize} total={total} showSizeChanger={false} onChange={setPage} />}
    </Flex>
  );
}
