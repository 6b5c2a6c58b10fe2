import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';
import { canHaveDefault } from './field-rules.js';
import type { OptionValues } from './field-values.js';
import { PointerItem } from './pointer-item.js';

const numeric = new Set<Field['type']>(['integer', 'decimal', 'money', 'percent']);

function checkJson(message: string) {
  return async (_: unknown, value: string | undefined) => {
    if (!value?.trim()) return;
    try { JSON.parse(value); } catch { throw new Error(message); }
  };
}

/** The default value of new records, entered with the widget of the field's type (the server checks it fits). */
export function FieldDefaultItem() {
  const { t } = useTranslation();
  const format = useFormat();
  const form = Form.useFormInstance();
  const type = Form.useWatch<Field['type'] | undefined>('type', form) ?? 'text';
  const encrypted = Form.useWatch<boolean | undefined>('encrypted', form) === true;
  const options = Form.useWatch<OptionValues[] | undefined>('options', form) ?? [];
  if (!canHaveDefault({ type, encrypted })) return null;
  const label = t('build.prop.default');
  if (type === 'json') {
    return <PointerItem pointer="/default" name="defaultJson" label={label} rules={[{ validator: checkJson(t('build.fields.jsonBad')) }]}><Input.TextArea spellCheck={false} autoSize={{ minRows: 2, maxRows: 8 }} /></PointerItem>;
  }
  let input = <Input placeholder={type === 'date' ? 'YYYY-MM-DD' : type === 'datetime' ? 'YYYY-MM-DDTHH:mm:ssZ' : undefined} />;
  if (numeric.has(type)) input = <InputNumber style={{ width: 200 }} {...(type === 'integer' ? { precision: 0 } : {})} />;
  if (type === 'boolean') input = <Select allowClear style={{ width: 160 }} options={[{ value: 'true', label: t('common.yes') }, { value: 'false', label: t('common.no') }]} />;
  if (type === 'single_select' || type === 'multi_select') {
    const choices = options.filter((option) => option?.value).map((option) => ({ value: option.value, label: format.label(option.label, option.value) }));
    input = <Select allowClear {...(type === 'multi_select' ? { mode: 'multiple' as const } : {})} options={choices} />;
  }
  return <PointerItem pointer="/default" name="default" label={label} extra={t('build.fields.defaultHelp')}>{input}</PointerItem>;
}
