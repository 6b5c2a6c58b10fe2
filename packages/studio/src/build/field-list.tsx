import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';

const flags = ['required', 'unique', 'indexed', 'personal', 'encrypted'] as const;

interface RowProps {
  field: Field;
  isTitle: boolean;
  failing: boolean;
  disabled: boolean;
  onEdit: (field: Field) => void;
  onArchive: (field: Field) => void;
}

function FieldRow({ field, isTitle, failing, disabled, onEdit, onArchive }: RowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const sortable = useSortable({ id: field.id, disabled });
  const name = format.label(field.label, field.name);
  const style = { transform: CSS.Transform.toString(sortable.transform), transition: sortable.transition, border: '1px solid rgba(5,5,5,0.08)', borderRadius: 6, padding: '6px 8px', background: sortable.isDragging ? 'rgba(22,119,255,0.06)' : undefined };
  return (
    <li ref={sortable.setNodeRef} style={style} aria-label={name}>
      <Flex align="center" gap={8} wrap>
        <Button type="text" size="small" icon={<HolderOutlined aria-hidden />} aria-label={t('build.fields.drag', { name })} style={{ cursor: 'grab' }} {...sortable.attributes} {...sortable.listeners} />
        <Typography.Text strong ellipsis={{ tooltip: name }} style={{ width: 180 }}>{name}</Typography.Text>
        <code>{field.name}</code>
        <Tag>{t(`build.type.${field.type}`)}</Tag>
        {isTitle && <Tag color="blue">{t('build.prop.titleField')}</Tag>}
        {flags.filter((flag) => field[flag]).map((flag) => <Tag key={flag}>{t(`build.prop.${flag}`)}</Tag>)}
        {failing && <Tag color="red">{t('build.fields.hasErrors')}</Tag>}
        <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
          <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('build.fields.editNamed', { name })} onClick={() => onEdit(field)}>{t('common.edit')}</Button>
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('build.fields.archiveNamed', { name })} disabled={disabled} onClick={() => onArchive(field)}>{t('build.objects.archive')}</Button>
        </Flex>
      </Flex>
    </li>
  );
}

/** The fields of an object in order; dragging a row's handle (or Space and the arrow keys on it) reorders them. */
export function FieldList({ fields, titleField, failing, disabled, onReorder, onEdit, onArchive }: {
  fields: Field[]; titleField: string | undefined; failing: ReadonlySet<string>; disabled: boolean;
  onReorder: (ids: string[]) => void; onEdit: (field: Field) => void; onArchive: (field: Field) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const sensors = useSensors(useSensor(PointerSensor), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const ids = fields.map((field) => field.id);
  const nameOf = (id: string | number | undefined) => { const field = fields.find((candidate) => candidate.id === id); return field ? format.label(field.label, field.name) : ''; };
  const positionOf = (id: string | number | undefined) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('build.fields.dragStart', { name: nameOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('build.fields.dragOver', { name: nameOf(active.id), position: positionOf(over.id) }) : undefined),
    onDragEnd: ({ active, over }) => (over ? t('build.fields.dragEnd', { name: nameOf(active.id), position: positionOf(over.id) }) : undefined),
    onDragCancel: ({ active }) => t('build.fields.dragCancel', { name: nameOf(active.id) }),
  };
  const end = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onReorder(arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))));
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={end} accessibility={{ announcements, screenReaderInstructions: { draggable: t('build.fields.dragHelp') } }}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol aria-label={t('build.fields.list')} style={{ listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: 6 }}>
          {fields.map((field) => (
            <FieldRow key={field.id} field={field} isTitle={field.name === titleField} failing={failing.has(field.id)} disabled={disabled} onEdit={onEdit} onArchive={onArchive} />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
