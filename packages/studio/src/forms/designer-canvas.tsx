import { PlusOutlined } from '@ant-design/icons';
import {
  closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Active, type Announcements, type Over,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { DesignerPalette, paletteId } from './designer-palette.js';
import { DesignerSection, sectionDropId, type Selection } from './designer-section.js';
import { addSection, locateField, moveField, moveSection, placedFields, removeField } from './form-draft.js';

/** The container a drop lands in (the palette or a section's drop id), and the index in it. */
function dropPlace(over: Over): { container: string; index: number } {
  const sortable = (over.data.current as { sortable?: { containerId: string; index: number } } | undefined)?.sortable;
  return sortable ? { container: String(sortable.containerId), index: sortable.index } : { container: String(over.id), index: Number.MAX_SAFE_INTEGER };
}

/** Localized screen-reader announcements of dragging a field. */
function useAnnouncements(draft: Form): Announcements {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldOf = (data: unknown) => String((data as { label?: string } | undefined)?.label ?? '');
  const targetOf = (over: Over) => {
    const { container } = dropPlace(over);
    if (container === paletteId) return t('forms.designer.palette');
    const section = draft.sections.find((candidate) => sectionDropId(candidate.id) === container);
    return section ? format.label(section.title, section.id) : '';
  };
  return {
    onDragStart: ({ active }) => t('forms.dnd.picked', { field: fieldOf(active.data.current) }),
    onDragOver: ({ active, over }) => (over ? t('forms.dnd.over', { field: fieldOf(active.data.current), target: targetOf(over) }) : t('forms.dnd.outside', { field: fieldOf(active.data.current) })),
    onDragEnd: ({ active, over }) => (over ? t('forms.dnd.dropped', { field: fieldOf(active.data.current), target: targetOf(over) }) : t('forms.dnd.cancelled', { field: fieldOf(active.data.current) })),
    onDragCancel: ({ active }) => t('forms.dnd.cancelled', { field: fieldOf(active.data.current) }),
  };
}

/**
 * The designer's canvas: the palette of unplaced fields and the sections, with drag and drop
 * between them and within them (pointer and keyboard), and buttons for the same without dragging.
 */
export function DesignerCanvas({ object, draft, onChange, selection, onSelect }: {
  object: ModelObject; draft: Form; onChange: (draft: Form) => void; selection: Selection | undefined; onSelect: (selection: Selection | undefined) => void;
}) {
  const { t } = useTranslation();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const announcements = useAnnouncements(draft);
  const placed = placedFields(draft);
  const palette = object.fields.filter((field) => !placed.has(field.name) && !(field.type === 'relation' && field.relation?.kind === 'one_to_many'));
  const newSectionTitle = { 'zh-CN': t('forms.designer.newSection', { lng: 'zh-CN' }), en: t('forms.designer.newSection', { lng: 'en' }) };

  const [before, setBefore] = useState<Form>();
  /** Puts the dragged field where it is over: into another container while dragging, at its place on the drop. */
  const place = (active: Active, over: Over | null, sameContainerToo: boolean) => {
    const name = (active.data.current as { name?: string } | undefined)?.name;
    if (!over || name === undefined) return;
    const { container, index } = dropPlace(over);
    const from = locateField(draft, name);
    if (!sameContainerToo && container === (from ? sectionDropId(from.section) : paletteId)) return;
    if (container === paletteId) {
      if (from) onChange(removeField(draft, name));
      return;
    }
    const section = draft.sections.find((candidate) => sectionDropId(candidate.id) === container);
    if (section) onChange(moveField(draft, name, { section: section.id, index }));
  };
  const addToLast = (name: string) => {
    const withSection = draft.sections.length > 0 ? draft : addSection(draft, newSectionTitle);
    const last = withSection.sections.at(-1)!;
    onChange(moveField(withSection, name, { section: last.id, index: last.fields.length }));
  };
  const removeFrom = (name: string) => {
    if (selection?.kind === 'field' && selection.name === name) onSelect(undefined);
    onChange(removeField(draft, name));
  };

  return (
    <DndContext
      sensors={sensors} collisionDetection={closestCenter}
      // The field moves into the container it is dragged over (as dnd-kit's multiple containers do),
      // so that it can be placed among the fields there; a cancelled drag puts everything back.
      onDragStart={() => setBefore(draft)}
      onDragOver={({ active, over }) => place(active, over, false)}
      onDragEnd={({ active, over }) => { place(active, over, true); setBefore(undefined); }}
      onDragCancel={() => { if (before) onChange(before); setBefore(undefined); }}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('forms.dnd.instructions') } }}
    >
      <DesignerPalette fields={palette} onAdd={addToLast} />
      <section aria-label={t('forms.designer.layout')}>
        {draft.sections.map((section, index) => (
          <DesignerSection
            key={section.id} object={object} section={section} index={index} count={draft.sections.length} selection={selection}
            actions={{ onSelect, onRemoveField: removeFrom, onMove: (delta) => onChange(moveSection(draft, section.id, delta)) }}
          />
        ))}
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => onChange(addSection(draft, newSectionTitle))}>{t('forms.designer.addSection')}</Button>
      </section>
    </DndContext>
  );
}
