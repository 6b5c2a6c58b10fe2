import { Alert, Button, Drawer, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../api/documents.js';
import { editableGroup, incompleteCount, prunedFilter } from './filter-edit.js';
import type { FilterField } from './filter-fields.js';
import { RecordFilterBuilder } from './record-filter-builder.js';

/**
 * The filter builder in a side panel. Edits stay a draft until applied; a condition without its
 * value keeps the panel open with the count of them, so nothing typed is lost. Mounted while open,
 * so each opening starts from the list's current filter.
 */
export function FilterDrawer({ filter, fields, onApply, onClose }: {
  filter: Filter | undefined; fields: FilterField[]; onApply: (filter: Filter | undefined) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => editableGroup(filter));
  const [tried, setTried] = useState(false);
  const missing = incompleteCount(draft);
  const apply = () => {
    setTried(true);
    if (missing > 0) return;
    onApply(prunedFilter(draft));
  };
  const footer = (
    <Flex gap={8} justify="end">
      <Button onClick={() => onApply(undefined)}>{t('list.filter.clear')}</Button>
      <Button onClick={onClose}>{t('common.cancel')}</Button>
      <Button type="primary" onClick={apply}>{t('list.filter.apply')}</Button>
    </Flex>
  );
  return (
    <Drawer open onClose={onClose} title={t('list.filter.title')} size={760} footer={footer}>
      {tried && missing > 0 && <Alert type="error" showIcon role="alert" title={t('list.filter.missingValues', { count: missing })} style={{ marginBottom: 12 }} />}
      <RecordFilterBuilder value={draft} fields={fields} onChange={setDraft} />
    </Drawer>
  );
}
