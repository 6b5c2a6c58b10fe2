import { Button, Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormSection } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { ConditionSetting } from './condition-setting.js';
import type { SectionPatch } from './form-draft.js';
import { LocalizedInputs } from './localized-inputs.js';

/** The settings of one section: its title in both languages, columns, folding and visibleWhen. */
export function SectionSettings({ object, section, onChange, onRemove }: {
  object: ModelObject; section: FormSection; onChange: (patch: SectionPatch) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical">
      <LocalizedInputs label={t('forms.designer.sectionTitle')} value={section.title} onChange={(title) => onChange({ title })} />
      <Form.Item label={t('forms.designer.columns')} htmlFor="section-columns" style={{ marginBottom: 12 }}>
        <Select id="section-columns" value={section.columns ?? 2} onChange={(columns: number) => onChange({ columns })}
          options={[1, 2, 3, 4].map((count) => ({ value: count, label: t('forms.designer.columnCount', { count }) }))} />
      </Form.Item>
      <Form.Item label={t('forms.designer.collapsed')} htmlFor="section-collapsed" style={{ marginBottom: 12 }}>
        <Switch id="section-collapsed" checked={section.collapsed === true} onChange={(collapsed) => onChange({ collapsed: collapsed || undefined })} />
      </Form.Item>
      <ConditionSetting label={t('forms.designer.visibleWhen')} value={section.visibleWhen} object={object} onChange={(visibleWhen) => onChange({ visibleWhen })} />
      <Button danger onClick={onRemove}>{t('forms.designer.removeSection')}</Button>
    </Form>
  );
}
