import { DatePicker, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ModelField } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { valueKindOf } from './field-operators.js';
import { typedValue } from './filter-edit.js';

/** What a value input needs: the field (undefined for a path the studio does not know), the value and where it goes. */
export interface FieldValueInputProps {
  field: ModelField | undefined;
  value: unknown;
  onChange: (value: unknown) => void;
  label: string;
  /** A list of values (the `in` operator, a multi select's options). */
  multiple?: boolean;
  invalid?: boolean;
  width?: number;
}

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));
const asList = (value: unknown) => (Array.isArray(value) ? value.map(asText) : value === null || value === undefined || value === '' ? [] : [asText(value)]);

function DateInput({ field, value, onChange, label, invalid, width }: FieldValueInputProps) {
  const withTime = field?.type === 'datetime' || (field?.type === 'computed' && field.computed?.resultType === 'datetime');
  const parsed = typeof value === 'string' && value ? dayjs(value) : null;
  const change = (day: Dayjs | null) => onChange(day ? (withTime ? day.toISOString() : day.format('YYYY-MM-DD')) : null);
  return <DatePicker aria-label={label} showTime={withTime} value={parsed?.isValid() ? parsed : null} onChange={change} status={invalid ? 'error' : undefined} style={{ width: width ?? 220 }} />;
}

/**
 * One value of a field, typed by its kind: options from a list, yes/no, a date picker, a number
 * (exact decimals kept as text), a record id for a relation, text otherwise; a list of them when
 * `multiple`.
 */
export function FieldValueInput(props: FieldValueInputProps) {
  const { field, value, onChange, label, multiple, invalid, width } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const kind = field ? valueKindOf(field) : 'text';
  const status = invalid ? 'error' : undefined;
  const style = { width: width ?? (multiple ? 280 : 220) };
  if (kind === 'select' || kind === 'multi_select') {
    const options = (field?.options ?? []).map((option) => ({ value: option.value, label: format.label(option.label, option.value) }));
    return multiple
      ? <Select aria-label={label} mode="multiple" allowClear value={asList(value)} options={options} onChange={(values: string[]) => onChange(values)} status={status} style={style} />
      : <Select aria-label={label} allowClear value={typeof value === 'string' ? value : undefined} options={options} onChange={(next?: string) => onChange(next ?? null)} status={status} style={style} />;
  }
  if (kind === 'boolean') {
    return <Select aria-label={label} value={typeof value === 'boolean' ? value : undefined} onChange={(next: boolean) => onChange(next)} status={status} style={style}
      options={[{ value: true, label: t('common.yes') }, { value: false, label: t('common.no') }]} />;
  }
  if (kind === 'date' || kind === 'datetime') return <DateInput {...props} />;
  if (multiple) {
    return <Select aria-label={label} mode="tags" tokenSeparators={[',', '，']} open={false} value={asList(value)} status={status} style={style}
      placeholder={t('list.filter.listPlaceholder')} onChange={(values: string[]) => onChange(values.map((text) => typedValue(text, field)))} />;
  }
  if (kind === 'integer' || kind === 'percent' || kind === 'decimal') {
    const exact = kind === 'decimal';
    return <InputNumber<string | number> aria-label={label} stringMode={exact} precision={kind === 'integer' ? 0 : undefined} value={value as string | number | null} status={status} style={style}
      onChange={(next) => onChange(next ?? null)} />;
  }
  return <Input aria-label={label} value={asText(value)} onChange={(event) => onChange(event.target.value)} status={status} style={style}
    placeholder={kind === 'uuid' ? t('list.filter.idPlaceholder') : undefined} />;
}
