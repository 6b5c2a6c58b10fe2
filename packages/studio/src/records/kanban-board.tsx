import { DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { Flex } from 'antd';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import type { EffectiveList } from './effective-list.js';
import type { CardDrag } from './kanban-card.js';
import { kanbanLanes, type Lane } from './kanban-lanes.js';
import { KanbanLane } from './kanban-lane.js';
import { laneQuery } from './use-kanban-lane.js';
import { useKanbanMove } from './use-kanban-move.js';

/**
 * The records as a kanban: a lane per option of the list's group-by field and one for records
 * without a value, each loading its own cards; moving a card to another lane sets the option.
 */
export function KanbanBoard({ slug, object, objects, list, header }: {
  slug: string; object: ModelObject; objects: ModelObject[]; list: EffectiveList; header: (total: number | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const field = object.fields.find((candidate) => candidate.name === list.groupBy)!;
  const lanes = useMemo(() => kanbanLanes(field), [field]);
  const visible = useMemo(() => new Set(objects.map((candidate) => candidate.name)), [objects]);
  const queries = useMemo(() => new Map(lanes.map((lane) => [lane.key, laneQuery(slug, list, object, visible, lane)])), [lanes, slug, list, object, visible]);
  const [totals, setTotals] = useState<Record<string, number | undefined>>({});
  const onTotal = useCallback((key: string, total: number | undefined) => setTotals((all) => (all[key] === total ? all : { ...all, [key]: total })), []);
  const movable = object.actions.includes('update') && field.access === 'write';
  const moving = useKanbanMove(slug, object.name, field.name, (lane) => queries.get(lane.key)!.queryKey);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));
  const laneLabel = (lane: Lane) => (lane.label ? format.label(lane.label, lane.key) : t('list.kanban.noValue', { field: format.label(field.label, field.name) }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const drag = active.data.current as CardDrag | undefined;
    const to = lanes.find((lane) => lane.key === over?.id);
    if (drag && to && movable) void moving.move(drag.card, drag.lane, to);
  };
  const known = lanes.map((lane) => totals[lane.key]);
  const total = known.every((count) => count !== undefined) ? known.reduce<number>((sum, count) => sum + (count ?? 0), 0) : undefined;
  return (
    <>
      {header(total)}
      <ErrorAlert error={moving.error} />
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <Flex gap={12} align="stretch" style={{ overflowX: 'auto', paddingBottom: 8 }}>
          {lanes.map((lane) => (
            <KanbanLane key={lane.key} slug={slug} object={object} objects={objects} lane={lane} lanes={lanes} movable={movable} columns={list.columns}
              query={queries.get(lane.key)!} laneLabel={laneLabel} onMove={(card, from, to) => void moving.move(card, from, to)} onTotal={onTotal} />
          ))}
        </Flex>
      </DndContext>
    </>
  );
}
