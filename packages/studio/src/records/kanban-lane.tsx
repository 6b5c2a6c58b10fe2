import { useDroppable } from '@dnd-kit/core';
import { Badge, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import type { ListColumn } from './effective-list.js';
import { KanbanCard } from './kanban-card.js';
import type { Lane } from './kanban-lanes.js';
import type { ListParams } from './list-params.js';
import { useKanbanLane } from './use-kanban-lane.js';
import type { RecordRow } from './use-records.js';

/** One lane of the kanban: its option, its count, its cards (20 at a time) and a drop target for cards of other lanes. */
export function KanbanLane({ slug, object, objects, lane, lanes, movable, columns, query, laneLabel, onMove, onTotal }: {
  slug: string; object: ModelObject; objects: ModelObject[]; lane: Lane; lanes: Lane[]; movable: boolean; columns: ListColumn[];
  query: { params: ListParams; queryKey: readonly unknown[] }; laneLabel: (lane: Lane) => string;
  onMove: (card: RecordRow, from: Lane, to: Lane) => void; onTotal: (key: string, total: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const cards = useKanbanLane(slug, object.name, query);
  const { setNodeRef, isOver } = useDroppable({ id: lane.key });
  const total = cards.data?.pages[0]?.page?.total;
  useEffect(() => onTotal(lane.key, total), [lane.key, total, onTotal]);
  const rows = cards.data?.pages.flatMap((page) => page.data) ?? [];
  const label = laneLabel(lane);
  return (
    <section aria-label={label} style={{ flex: '0 0 280px' }}>
      <Card size="small" ref={setNodeRef} style={{ background: isOver ? '#e6f4ff' : '#f5f5f5', height: '100%' }}
        title={<Flex gap={8} align="center"><Typography.Title level={3} style={{ fontSize: 14, margin: 0 }}>{label}</Typography.Title>{total !== undefined && <Badge count={format.number(total)} showZero color="#8c8c8c" />}</Flex>}>
        <ErrorAlert error={cards.error} />
        {cards.isPending && !cards.error && <Spin />}
        <Flex vertical gap={8} style={{ maxHeight: '65vh', overflowY: 'auto', minHeight: 80 }}>
          {rows.map((card) => (
            <KanbanCard key={String(card.id)} slug={slug} object={object} objects={objects} card={card} lane={lane} lanes={lanes} movable={movable} columns={columns} laneLabel={laneLabel} onMove={onMove} />
          ))}
          {!cards.isPending && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('list.kanban.emptyLane')} />}
        </Flex>
        {cards.hasNextPage && (
          <Button block style={{ marginTop: 8 }} loading={cards.isFetchingNextPage} onClick={() => void cards.fetchNextPage()}>{t('common.loadMore')}</Button>
        )}
      </Card>
    </section>
  );
}
