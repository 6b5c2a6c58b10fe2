import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, SettingOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSection } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { DesignerField, fieldItemId } from './designer-field.js';

/** The drag-and-drop id of a section. */
export const sectionDropId = (id: string) => `section:${id}`;

/** What the designer can select to edit in its settings panel. */
export type Selection = { kind: 'field'; name: string } | { kind: 'section'; id: string };

/** What a section of the designer can do. */
export interface SectionActions {
  onSelect: (selection: Selection) => void;
  onRemoveField: (name: string) => void;
  onMove: (delta: -1 | 1) => void;
}

/** One section of the draft: its title and settings, its fields in its grid, sortable and droppable. */
export function DesignerSection({ object, section, index, count, selection, actions }: {
  object: ModelObject; section: FormSection; index: number; count: number; selection: Selection | undefined; actions: SectionActions;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: sectionDropId(section.id) });
  const title = format.label(section.title, section.id) || t('forms.designer.untitled');
  const columns = section.columns ?? 2;
  const heading = (
    <Flex align="center" gap={8}>
      <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>
      {section.collapsed && <Tag>{t('forms.designer.collapsedTag')}</Tag>}
      {section.visibleWhen && <Tag color="blue">{t('forms.designer.conditionalTag')}</Tag>}
    </Flex>
  );
  const extra = (
    <Flex gap={4}>
      <Button size="small" type="text" icon={<ArrowUpOutlined aria-hidden />} disabled={index === 0} aria-label={t('forms.designer.sectionUp', { section: title })} onClick={() => actions.onMove(-1)} />
      <Button size="small" type="text" icon={<ArrowDownOutlined aria-hidden />} disabled={index === count - 1} aria-label={t('forms.designer.sectionDown', { section: title })} onClick={() => actions.onMove(1)} />
      <Button size="small" icon={<SettingOutlined aria-hidden />} aria-pressed={selection?.kind === 'section' && selection.id === section.id}
        onClick={() => actions.onSelect({ kind: 'section', id: section.id })}>{t('forms.designer.sectionSettings')}</Button>
    </Flex>
  );
  return (
    <Card size="small" title={heading} extra={extra} style={{ marginBottom: 16 }} role="group" aria-label={title}>
      <SortableContext id={sectionDropId(section.id)} items={section.fields.map((entry) => fieldItemId(entry.field))} strategy={rectSortingStrategy}>
        <div ref={setNodeRef} style={{ display: 'grid', gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: 8, minHeight: 48, padding: 4, borderRadius: 6, background: isOver ? '#e6f4ff' : '#fafafa' }}>
          {section.fields.map((entry) => {
            const field = object.fields.find((candidate) => candidate.name === entry.field);
            const label = field ? format.label(field.label, field.name) : entry.field;
            return (
              <DesignerField
                key={entry.field} name={entry.field} label={label} typeLabel={field ? t(`forms.fieldType.${field.type}`) : '?'}
                span={Math.min(entry.span ?? 1, columns)} selected={selection?.kind === 'field' && selection.name === entry.field}
                problem={field ? undefined : t('forms.designer.missing')} onSelect={() => actions.onSelect({ kind: 'field', name: entry.field })}
                actions={<Button size="small" type="text" icon={<CloseOutlined aria-hidden />} aria-label={t('forms.designer.removeField', { field: label })} onClick={() => actions.onRemoveField(entry.field)} />}
              />
            );
          })}
          {section.fields.length === 0 && <Typography.Text type="secondary" style={{ gridColumn: '1 / -1' }}>{t('forms.designer.dropHere')}</Typography.Text>}
        </div>
      </SortableContext>
    </Card>
  );
}
