import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { Selection } from './designer-section.js';
import { FieldSettings } from './field-settings.js';
import type { FieldPatch, SectionPatch } from './form-draft.js';
import { SectionSettings } from './section-settings.js';

/** The settings panel of what is selected in the designer: a placed field or a section. */
export function SelectionSettings({ object, draft, selection, onField, onSection, onRemove, onClose }: {
  object: ModelObject; draft: Form; selection: Selection;
  onField: (name: string, patch: FieldPatch) => void; onSection: (id: string, patch: SectionPatch) => void;
  onRemove: (selection: Selection) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const section = selection.kind === 'section'
    ? draft.sections.find((candidate) => candidate.id === selection.id)
    : draft.sections.find((candidate) => candidate.fields.some((entry) => entry.field === selection.name));
  const entry = selection.kind === 'field' ? section?.fields.find((candidate) => candidate.field === selection.name) : undefined;
  if (!section || (selection.kind === 'field' && !entry)) return null;
  const field = entry && object.fields.find((candidate) => candidate.name === entry.field);
  const title = selection.kind === 'section'
    ? t('forms.designer.sectionSettingsOf', { section: format.label(section.title, section.id) || t('forms.designer.untitled') })
    : t('forms.designer.fieldSettingsOf', { field: field ? format.label(field.label, field.name) : selection.name });
  return (
    <section aria-label={title}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{title}</Typography.Title>
        <Button type="text" size="small" icon={<CloseOutlined aria-hidden />} aria-label={t('forms.designer.closeSettings')} onClick={onClose} />
      </Flex>
      {entry
        ? <FieldSettings key={entry.field} object={object} entry={entry} columns={section.columns ?? 2} onChange={(patch) => onField(entry.field, patch)} onRemove={() => onRemove(selection)} />
        : <SectionSettings key={section.id} object={object} section={section} onChange={(patch) => onSection(section.id, patch)} onRemove={() => onRemove(selection)} />}
    </section>
  );
}
