import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { HolderOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { columnFields } from './effective-list.js';

function SortableColumn({ name, label, shown, lastShown, onToggle }: { name: string; label: string; shown: boolean; lastShown: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: name });
  return (
    <Flex ref={setNodeRef} align="center" gap={8} style={{ transform: CSS.Transform.toString(transform), transition, padding: '2px 0' }}>
      <Button size="small" type="text" icon={<HolderOutlined aria-hidden />} aria-label={t('list.columns.move', { column: label })} {...attributes} {...listeners} style={{ cursor: 'grab' }} />
      {/* The last shown column cannot be hidden: a list without columns shows nothing. */}
      <Checkbox checked={shown} disabled={lastShown} onChange={onToggle}>{label}</Checkbox>
    </Flex>
  );
}

/** Shows and hides the list's columns and orders them by dragging (or by keyboard: space, arrows, space). */
export function ColumnChooser({ object, columns, onChange, onReset }: { object: ModelObject; columns: string[]; onChange: (columns: string[]) => void; onReset: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = columnFields(object);
  const shown = new Set(columns);
  const order = [...columns, ...fields.map((field) => field.name).filter((name) => !shown.has(name))];
  const labels = new Map(fields.map((field) => [field.name, format.label(field.label, field.name)]));
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const moved = arrayMove(order, order.indexOf(String(active.id)), order.indexOf(String(over.id)));
    onChange(moved.filter((name) => shown.has(name)));
  };
  const toggle = (name: string) => onChange(shown.has(name) ? columns.filter((column) => column !== name) : order.filter((candidate) => candidate === name || shown.has(candidate)));
  return (
    <Flex vertical gap={4} style={{ maxHeight: 420, overflowY: 'auto', minWidth: 220 }} role="group" aria-label={t('list.columns.title')}>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={order} strategy={verticalListSortingStrategy}>
          {order.map((name) => (
            <SortableColumn key={name} name={name} label={labels.get(name) ?? name} shown={shown.has(name)} lastShown={shown.has(name) && columns.length === 1} onToggle={() => toggle(name)} />
          ))}
        </SortableContext>
      </DndContext>
      <Button size="small" onClick={onReset} style={{ marginTop: 8 }}>{t('list.columns.reset')}</Button>
    </Flex>
  );
}
