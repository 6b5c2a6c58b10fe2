import { useDraggable } from '@dnd-kit/core';
import { CSS } from '@dnd-kit/utilities';
import { HolderOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { displayValue } from './display-value.js';
import type { ListColumn } from './effective-list.js';
import type { Lane } from './kanban-lanes.js';
import { recordPath, recordTitle } from './record-title.js';
import { RelationCell } from './relation-cell.js';
import type { RecordRow } from './use-records.js';

/** What a dragged card carries to the lane it is dropped on. */
export interface CardDrag { card: RecordRow; lane: Lane }

/**
 * A record on the kanban: its title (linked to its page) and the view's columns. It is dragged by
 * its handle (mouse, touch, or keyboard: space, arrows, space), or moved with its "move to" menu,
 * when the caller may write the group-by field.
 */
export function KanbanCard({ slug, object, objects, card, lane, lanes, movable, columns, laneLabel, onMove }: {
  slug: string; object: ModelObject; objects: ModelObject[]; card: RecordRow; lane: Lane; lanes: Lane[]; movable: boolean; columns: ListColumn[];
  laneLabel: (lane: Lane) => string; onMove: (card: RecordRow, from: Lane, to: Lane) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const drag: CardDrag = { card, lane };
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: String(card.id), data: drag, disabled: !movable });
  const title = recordTitle(object, card, format, t);
  const shown = columns.map((column) => object.fields.find((field) => field.name === column.field)).filter((field) => field && field.name !== object.titleField);
  const moves = lanes.filter((candidate) => candidate.key !== lane.key).map((candidate) => ({ key: candidate.key, label: laneLabel(candidate) }));
  return (
    <Card ref={setNodeRef} size="small" role="article" aria-label={title} style={{ transform: CSS.Translate.toString(transform), opacity: isDragging ? 0.5 : 1 }}>
      <Flex justify="space-between" align="start" gap={4}>
        <Link to={recordPath(slug, object.name, String(card.id))} style={{ fontWeight: 500 }}>{title}</Link>
        {movable && (<Flex gap={2}>
          <Dropdown trigger={['click']} menu={{ items: moves, onClick: ({ key }) => onMove(card, lane, lanes.find((candidate) => candidate.key === key)!) }}>
            <Button size="small" type="text" icon={<SwapOutlined aria-hidden />} aria-label={t('list.kanban.moveTo', { title })} />
          </Dropdown>
          <Button size="small" type="text" icon={<HolderOutlined aria-hidden />} aria-label={t('list.kanban.drag', { title })} {...attributes} {...listeners} style={{ cursor: 'grab' }} />
        </Flex>)}
      </Flex>
      {shown.map((field) => field && (
        <div key={field.name}>
          <Typography.Text type="secondary">{format.label(field.label, field.name)}: </Typography.Text>
          {field.type === 'relation'
            ? <RelationCell slug={slug} field={field} objects={objects} value={card[field.name]} format={format} t={t} />
            : displayValue(field, card[field.name], format, t)}
        </div>
      ))}
    </Card>
  );
}
