import { DeleteOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PointerErrors } from '../components/pointer-errors.js';

/** A field a condition may name, with its label and type. */
export interface FieldOption { value: string; label: string; type: string }

/** A condition of a row rule. */
export interface Condition { field: string; op: string; value?: unknown }

/** The operators of the filter language (schemas/filter.schema.json). */
export const operators = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'starts_with', 'is_null', 'between'] as const;

/** The $user variables a rule's value may name. */
export const userVariables = ['$user.id', '$user.email', '$user.team_ids', '$user.team_member_ids', '$user.regions'] as const;

const numericTypes = new Set(['integer', 'decimal', 'money', 'percent']);

/** A typed value: numbers for numeric fields, booleans for boolean ones; variables stay text. */
function typed(text: string, type: string | undefined): unknown {
  if (text.startsWith('$user.')) return text;
  if (type && numericTypes.has(type) && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const asText = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** One condition: field, operator, value (the value's editor follows the operator). */
export function ConditionEditor({ condition, onChange, onRemove, pointer, fields, disabled }: {
  condition: Condition; onChange: (condition: Condition) => void; onRemove: () => void; pointer: string; fields: FieldOption[]; disabled: boolean;
}) {
  const { t } = useTranslation();
  const type = fields.find((field) => field.value === condition.field)?.type;
  const variables = userVariables.map((variable) => ({ value: variable, label: `${variable} — ${t(`filter.variable.${variable}`)}` }));
  const setOp = (op: string) => {
    const value = op === 'is_null' ? true : op === 'between' ? ['', ''] : op === 'in' || op === 'nin' ? [] : Array.isArray(condition.value) ? '' : condition.value;
    onChange({ ...condition, op, value });
  };
  let valueEditor;
  if (condition.op === 'is_null') {
    valueEditor = (
      <Select aria-label={t('filter.value')} disabled={disabled} style={{ width: 160 }} value={condition.value !== false} onChange={(value: boolean) => onChange({ ...condition, value })}
        options={[{ value: true, label: t('filter.isEmpty') }, { value: false, label: t('filter.isNotEmpty') }]} />
    );
  } else if (condition.op === 'in' || condition.op === 'nin') {
    const list = Array.isArray(condition.value) ? condition.value.map(asText) : condition.value ? [asText(condition.value)] : [];
    valueEditor = (
      <Select
        aria-label={t('filter.value')} mode="tags" disabled={disabled} style={{ minWidth: 260, flex: 1 }} value={list} options={variables} tokenSeparators={[',']}
        onChange={(values: string[]) => {
          // One variable stands for a whole list ($user.regions); otherwise the tags are the list.
          const variable = values.length === 1 && values[0]!.startsWith('$user.');
          onChange({ ...condition, value: variable ? values[0] : values.map((value) => typed(value, type)) });
        }}
      />
    );
  } else if (condition.op === 'between') {
    const [low, high] = Array.isArray(condition.value) ? condition.value.map(asText) : ['', ''];
    valueEditor = (
      <Flex gap={4} align="center">
        <Input aria-label={t('filter.from')} disabled={disabled} style={{ width: 120 }} value={low} onChange={(event) => onChange({ ...condition, value: [typed(event.target.value, type), typed(high ?? '', type)] })} />
        –
        <Input aria-label={t('filter.to')} disabled={disabled} style={{ width: 120 }} value={high} onChange={(event) => onChange({ ...condition, value: [typed(low ?? '', type), typed(event.target.value, type)] })} />
      </Flex>
    );
  } else {
    valueEditor = (
      <AutoComplete
        aria-label={t('filter.value')} disabled={disabled} style={{ minWidth: 220, flex: 1 }} value={asText(condition.value)} options={variables}
        placeholder={t('filter.valuePlaceholder')} onChange={(text: string) => onChange({ ...condition, value: typed(text, type) })}
      />
    );
  }
  return (
    <div>
      <Flex gap={8} wrap align="center">
        <Select
          aria-label={t('filter.field')} showSearch optionFilterProp="label" disabled={disabled} style={{ width: 200 }} value={condition.field}
          onChange={(field: string) => onChange({ ...condition, field })} options={fields.map((field) => ({ value: field.value, label: field.label }))}
        />
        <Select
          aria-label={t('filter.operator')} disabled={disabled} style={{ width: 150 }} value={condition.op} onChange={setOp}
          options={operators.map((op) => ({ value: op, label: t(`filter.op.${op}`) }))}
        />
        {valueEditor}
        {!disabled && <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('filter.removeCondition')} onClick={onRemove} />}
      </Flex>
      <PointerErrors at={pointer} />
    </div>
  );
}
