import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../api/documents.js';
import type { Filter as RuleFilter } from '../api/roles.js';
import { PointerErrors } from '../components/pointer-errors.js';
import type { FieldOption } from '../roles/condition-editor.js';
import { FilterBuilder } from '../roles/filter-builder.js';

/**
 * A view's default filter, edited with the role editor's filter builder. The builder's empty
 * state speaks of a role's rows, so a view without a filter gets its own words and first condition.
 */
export function ViewFilter({ filter, fields, onChange }: { filter: Filter | undefined; fields: FieldOption[]; onChange: (filter: Filter | undefined) => void }) {
  const { t } = useTranslation();
  if (!filter) {
    const first = fields[0]?.value;
    return (
      <Flex gap={12} align="center">
        <Typography.Text type="secondary">{t('views.filter.none')}</Typography.Text>
        {first && <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange({ and: [{ field: first, op: 'eq', value: '' }] })}>{t('views.filter.add')}</Button>}
        <PointerErrors at="/filter" />
      </Flex>
    );
  }
  // The builder's operators are the filter language's (schemas/filter.schema.json); its type is the looser one of row rules.
  return <FilterBuilder value={filter as RuleFilter} fields={fields} pointer="/filter" disabled={false} onChange={(next) => onChange(next as Filter | undefined)} />;
}
