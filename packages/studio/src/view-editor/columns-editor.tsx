import { DeleteOutlined, HolderOutlined } from '@ant-design/icons';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Flex, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PointerErrors } from '../components/pointer-errors.js';
import { addColumn, moveColumn, removeColumn, setColumnWidth, type Columns } from './column-list.js';
import type { ViewField } from './view-fields.js';

function ColumnRow({ field, label, width, index, onWidth, onRemove }: {
  field: string; label: string; width: number | undefined; index: number; onWidth: (width: number | undefined) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: field });
  return (
    <div ref={setNodeRef} role="listitem" style={{ transform: CSS.Transform.toString(transform), transition }}>
      <Flex align="center" gap={8} style={{ padding: '2px 0' }}>
        <Button size="small" type="text" icon={<HolderOutlined aria-hidden />} aria-label={t('views.columns.move', { column: label })} {...attributes} {...listeners} style={{ cursor: 'grab' }} />
        <Typography.Text style={{ flex: 1, minWidth: 120 }}>{label} <Typography.Text type="secondary" code>{field}</Typography.Text></Typography.Text>
        <InputNumber
          size="small" min={40} max={2000} step={10} value={width} placeholder={t('views.columns.auto')} style={{ width: 110 }}
          aria-label={t('views.columns.width', { column: label })} onChange={(value) => onWidth(typeof value === 'number' ? value : undefined)}
        />
        <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('views.columns.remove', { column: label })} onClick={onRemove} />
      </Flex>
      <PointerErrors at={`/columns/${index}`} />
    </div>
  );
}

/** The columns a view shows: chosen from the object's fields, ordered by dragging (or space, arrows, space), each with an optional width. */
export function ColumnsEditor({ columns, fields, labelOf, onChange }: {
  columns: Columns; fields: ViewField[]; labelOf: (name: string) => string; onChange: (columns: Columns) => void;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && active.id !== over.id) onChange(moveColumn(columns, String(active.id), String(over.id)));
  };
  const shown = new Set(columns.map((column) => column.field));
  const choices = fields.filter((field) => !shown.has(field.name)).map((field) => ({ value: field.name, label: `${labelOf(field.name)} (${field.name})` }));
  return (
    <Flex vertical gap={8}>
      <div role="list" aria-label={t('views.columns.title')}>
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
          <SortableContext items={columns.map((column) => column.field)} strategy={verticalListSortingStrategy}>
            {columns.map((column, index) => (
              <ColumnRow
                key={column.field} field={column.field} label={labelOf(column.field)} width={column.width} index={index}
                onWidth={(width) => onChange(setColumnWidth(columns, column.field, width))} onRemove={() => onChange(removeColumn(columns, column.field))}
              />
            ))}
          </SortableContext>
        </DndContext>
      </div>
      <PointerErrors at="/columns" exact />
      <Select
        aria-label={t('views.columns.add')} placeholder={t('views.columns.add')} showSearch optionFilterProp="label" value={null} options={choices}
        disabled={choices.length === 0} style={{ maxWidth: 360 }} onChange={(field: string) => onChange(addColumn(columns, field))}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('views.columns.hint')}</Typography.Text>
    </Flex>
  );
}
