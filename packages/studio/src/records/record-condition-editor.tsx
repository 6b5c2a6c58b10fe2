import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilterCondition } from '../api/documents.js';
import { ConditionValueInput } from './condition-value-input.js';
import { operatorsFor, type FilterOperator } from './field-operators.js';
import type { FilterField } from './filter-fields.js';
import { withField, withOperator } from './filter-edit.js';

const allOperators: FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'starts_with', 'is_null', 'between'];

/** One condition of a record filter: a field, an operator the field allows, and a value typed for both. */
export function RecordConditionEditor({ condition, fields, onChange, onRemove }: {
  condition: FilterCondition; fields: FilterField[]; onChange: (condition: FilterCondition) => void; onRemove: () => void;
}) {
  const { t } = useTranslation();
  const known = fields.find((candidate) => candidate.name === condition.field);
  // A path the studio cannot resolve (member_level.code from a view) stays as it is, with every operator.
  const choices = known ? fields : [...fields, { name: condition.field, label: condition.field }];
  const operators = known?.field ? operatorsFor(known.field) : allOperators;
  return (
    <Flex gap={8} wrap align="center">
      <Select
        aria-label={t('list.filter.field')} showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} value={condition.field}
        options={choices.map((choice) => ({ value: choice.name, label: choice.label }))}
        onChange={(name: string) => onChange(withField(condition, name, fields.find((candidate) => candidate.name === name)?.field))}
      />
      <Select
        aria-label={t('list.filter.operator')} style={{ width: 130 }} value={condition.op}
        options={operators.map((op) => ({ value: op, label: t(`list.op.${op}`) }))}
        onChange={(op: FilterOperator) => onChange(withOperator(condition, op))}
      />
      <ConditionValueInput condition={condition} field={known?.field} onChange={(value) => onChange({ ...condition, value })} />
      <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('list.filter.removeCondition')} onClick={onRemove} />
    </Flex>
  );
}
