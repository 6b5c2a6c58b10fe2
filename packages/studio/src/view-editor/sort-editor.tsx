import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObjectDefinition } from '../api/documents.js';
import { PointerErrors } from '../components/pointer-errors.js';
import { addSortKey, maxSortKeys, removeSortKey, setSortKey, type SortKeys } from './sort-keys.js';
import { sortFields } from './view-fields.js';

/** A view's order: up to eight keys, each a sortable field and a direction. */
export function SortEditor({ sort, object, labelOf, onChange }: {
  sort: SortKeys; object: ObjectDefinition; labelOf: (name: string) => string; onChange: (sort: SortKeys) => void;
}) {
  const { t } = useTranslation();
  const fields = sortFields(object).map((field) => ({ value: field.name, label: `${labelOf(field.name)} (${field.name})` }));
  const next = addSortKey(sort, object);
  return (
    <Flex vertical gap={8}>
      {sort.length === 0 && <Typography.Text type="secondary">{t('views.sort.none')}</Typography.Text>}
      {sort.map((key, index) => (
        <div key={index}>
          <Flex gap={8} align="center" wrap>
            <Select
              aria-label={t('views.sort.field', { index: index + 1 })} showSearch optionFilterProp="label" value={key.field} options={fields} style={{ width: 260 }}
              onChange={(field: string) => onChange(setSortKey(sort, index, { field }))}
            />
            <Select
              aria-label={t('views.sort.direction', { index: index + 1 })} value={key.direction ?? 'asc'} style={{ width: 110 }}
              options={[{ value: 'asc', label: t('views.sort.asc') }, { value: 'desc', label: t('views.sort.desc') }]}
              onChange={(direction: 'asc' | 'desc') => onChange(setSortKey(sort, index, { direction }))}
            />
            <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('views.sort.remove', { index: index + 1 })} onClick={() => onChange(removeSortKey(sort, index))} />
          </Flex>
          <PointerErrors at={`/sort/${index}`} />
        </div>
      ))}
      <PointerErrors at="/sort" exact />
      <Flex gap={12} align="center">
        <Button size="small" icon={<PlusOutlined aria-hidden />} disabled={next === sort} onClick={() => onChange(next)}>{t('views.sort.add')}</Button>
        {sort.length >= maxSortKeys && <Typography.Text type="secondary">{t('views.sort.full', { count: maxSortKeys })}</Typography.Text>}
      </Flex>
    </Flex>
  );
}
