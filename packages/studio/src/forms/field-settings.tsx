import { Button, Form, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { ConditionSetting } from './condition-setting.js';
import { isReadOnlyType } from './field-schema.js';
import { widgetsFor, type FormWidget } from './field-widgets.js';
import type { FieldPatch } from './form-draft.js';
import { LocalizedInputs } from './localized-inputs.js';

const automatic = '';

/**
 * The settings of one placed field: its widget (only those that suit its type), span, placeholder
 * and help in both languages, read-only, and its three conditions.
 */
export function FieldSettings({ object, entry, columns, onChange, onRemove }: {
  object: ModelObject; entry: FormField; columns: number; onChange: (patch: FieldPatch) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const field = object.fields.find((candidate) => candidate.name === entry.field);
  if (!field) {
    return (
      <>
        <Typography.Paragraph type="danger">{t('forms.problem.unknownField', { field: entry.field })}</Typography.Paragraph>
        <Button danger onClick={onRemove}>{t('forms.designer.removeField', { field: entry.field })}</Button>
      </>
    );
  }
  const widgets = widgetsFor(field);
  const engineFilled = isReadOnlyType(field);
  const widgetOptions = [{ value: automatic, label: t('forms.designer.widgetAuto') }, ...widgets.map((widget) => ({ value: widget, label: t(`forms.widget.${widget}`) }))];
  return (
    <Form layout="vertical">
      <Typography.Paragraph type="secondary">{t(`forms.fieldType.${field.type}`, { defaultValue: field.type })} · {field.name}</Typography.Paragraph>
      {widgets.length > 0 && (
        <Form.Item label={t('forms.designer.widget')} htmlFor="field-widget" style={{ marginBottom: 12 }}>
          <Select id="field-widget" value={entry.widget ?? automatic} options={widgetOptions}
            onChange={(widget: string) => onChange({ widget: widget === automatic ? undefined : (widget as FormWidget) })} />
        </Form.Item>
      )}
      <Form.Item label={t('forms.designer.span')} htmlFor="field-span" style={{ marginBottom: 12 }}>
        <Select id="field-span" value={Math.min(entry.span ?? 1, columns)}
          options={Array.from({ length: columns }, (_, index) => ({ value: index + 1, label: t('forms.designer.spanColumns', { count: index + 1 }) }))}
          onChange={(span: number) => onChange({ span: span > 1 ? span : undefined })} />
      </Form.Item>
      <LocalizedInputs label={t('forms.designer.placeholder')} value={entry.placeholder} onChange={(placeholder) => onChange({ placeholder })} />
      <LocalizedInputs label={t('forms.designer.help')} value={entry.help} multiline onChange={(help) => onChange({ help })} />
      {field.help && !entry.help && <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>{t('forms.designer.fieldHelp', { help: format.label(field.help) })}</Typography.Paragraph>}
      <Form.Item label={t('forms.designer.readOnly')} htmlFor="field-read-only" style={{ marginBottom: 12 }}>
        <Switch id="field-read-only" checked={engineFilled || entry.readOnly === true} disabled={engineFilled}
          onChange={(readOnly) => onChange({ readOnly: readOnly || undefined })} />
      </Form.Item>
      <ConditionSetting label={t('forms.designer.visibleWhen')} value={entry.visibleWhen} object={object} onChange={(visibleWhen) => onChange({ visibleWhen })} />
      {!engineFilled && <ConditionSetting label={t('forms.designer.readOnlyWhen')} value={entry.readOnlyWhen} object={object} onChange={(readOnlyWhen) => onChange({ readOnlyWhen })} />}
      {!engineFilled && <ConditionSetting label={t('forms.designer.requiredWhen')} value={entry.requiredWhen} object={object} onChange={(requiredWhen) => onChange({ requiredWhen })} />}
      <Button danger onClick={onRemove}>{t('forms.designer.removeField', { field: format.label(field.label, field.name) })}</Button>
    </Form>
  );
}
