import { Flex, Select } from 'antd';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterCondition } from '../api/documents.js';
import type { ModelField } from '../api/workspace-model.js';
import { FieldValueInput } from './field-value-input.js';
import { isComplete } from './filter-edit.js';
import { RecordPicker } from './record-picker.js';
import { RecordPickerContext } from './record-picker-context.js';

/** The value of a condition, as its operator takes it: empty or not, a list, a range, a record picked by title, or one value of the field's type. */
export function ConditionValueInput({ condition, field, onChange }: { condition: FilterCondition; field: ModelField | undefined; onChange: (value: unknown) => void }) {
  const { t } = useTranslation();
  const picking = useContext(RecordPickerContext);
  const label = t('list.filter.value');
  const invalid = !isComplete(condition);
  const { op, value } = condition;
  if (op === 'is_null') {
    return <Select aria-label={label} style={{ width: 160 }} value={value !== false} onChange={(next: boolean) => onChange(next)}
      options={[{ value: true, label: t('list.filter.empty') }, { value: false, label: t('list.filter.notEmpty') }]} />;
  }
  if (op === 'in' || op === 'nin') return <FieldValueInput field={field} value={value} onChange={onChange} label={label} multiple invalid={invalid} />;
  if (op === 'between') {
    const [low, high] = Array.isArray(value) ? value : [null, null];
    return (
      <Flex gap={4} align="center">
        <FieldValueInput field={field} value={low} onChange={(next) => onChange([next, high ?? null])} label={t('list.filter.from')} invalid={invalid && (low === null || low === '')} width={170} />
        <span aria-hidden>–</span>
        <FieldValueInput field={field} value={high} onChange={(next) => onChange([low ?? null, next])} label={t('list.filter.to')} invalid={invalid && (high === null || high === '')} width={170} />
      </Flex>
    );
  }
  const target = field?.relation?.kind === 'many_to_one' ? picking?.objects.find((object) => object.name === field.relation?.target) : undefined;
  if (picking && target && (op === 'eq' || op === 'ne')) {
    return <RecordPicker slug={picking.slug} target={target} value={typeof value === 'string' && value ? value : undefined} onChange={(id) => onChange(id ?? '')} label={label} />;
  }
  // contains / starts_with look for text in a text field; contains on a multi select takes one option.
  const textual = (op === 'contains' || op === 'starts_with') && field?.type !== 'multi_select';
  return <FieldValueInput field={textual ? undefined : field} value={value} onChange={onChange} label={label} invalid={invalid} />;
}
