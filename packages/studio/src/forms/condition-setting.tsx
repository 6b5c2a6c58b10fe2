import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../api/documents.js';
import type { Filter as RuleFilter } from '../api/roles.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { operatorsFor } from '../records/field-operators.js';
import type { FieldOption } from '../roles/condition-editor.js';
import { FilterBuilder } from '../roles/filter-builder.js';

/** The fields a form condition may name: the object's own fields that have operators. */
function useConditionFields(object: ModelObject): FieldOption[] {
  const format = useFormat();
  return object.fields
    .filter((field) => operatorsFor(field).length > 0)
    .map((field) => ({ value: field.name, label: format.label(field.label, field.name), type: field.type }));
}

/**
 * One condition of a form (visibleWhen, readOnlyWhen, requiredWhen) in the role editor's filter
 * builder; "none" until the user adds one, as a form condition has no "every row" meaning.
 */
export function ConditionSetting({ label, value, onChange, object }: {
  label: string; value: Filter | undefined; onChange: (filter: Filter | undefined) => void; object: ModelObject;
}) {
  const { t } = useTranslation();
  const fields = useConditionFields(object);
  const first = object.fields.find((field) => field.name === fields[0]?.value);
  return (
    <Form.Item label={label} style={{ marginBottom: 12 }}>
      {value ? (
        <FilterBuilder value={value as RuleFilter} onChange={(next) => onChange(next as Filter | undefined)} pointer="" fields={fields} disabled={false} />
      ) : (
        <Flex gap={12} align="center">
          <Typography.Text type="secondary">{t('forms.condition.none')}</Typography.Text>
          <Button size="small" icon={<PlusOutlined aria-hidden />} disabled={!first} aria-label={t('forms.condition.addTo', { label })}
            onClick={() => first && onChange({ and: [{ field: first.name, op: operatorsFor(first)[0] ?? 'eq', value: '' }] })}>
            {t('forms.condition.add')}
          </Button>
        </Flex>
      )}
    </Form.Item>
  );
}
