import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { fetchRecords, type RecordRow } from './use-records.js';

/** Picks one record of an object by its title: the first 20, or those the typed text finds (the list API's search); a value given shows its title. */
export function RecordPicker({ slug, target, value, onChange, label }: { slug: string; target: ModelObject; value: string | undefined; onChange: (id: string | undefined) => void; label: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const title = target.titleField;
  const found = useQuery({
    queryKey: ['record-picker', slug, target.name, search],
    queryFn: () => fetchRecords(slug, target.name, { limit: 20, search: search.trim() || undefined, fields: title }),
  });
  const labelOf = (row: RecordRow) => (title && row[title] ? String(row[title]) : String(row.id));
  const options = (found.data?.data ?? []).map((row) => ({ value: String(row.id), label: labelOf(row) }));
  // A value chosen before (a filter from the URL) may be none of those: its own title is read.
  const missing = value !== undefined && !options.some((option) => option.value === value);
  const chosen = useQuery({
    queryKey: ['record-picker', slug, target.name, 'id', value],
    queryFn: () => fetchRecords(slug, target.name, { limit: 1, filter: JSON.stringify({ field: 'id', op: 'eq', value }), fields: title }),
    enabled: missing && !found.isFetching,
  });
  const chosenRow = missing ? chosen.data?.data[0] : undefined;
  if (chosenRow) options.unshift({ value: String(chosenRow.id), label: labelOf(chosenRow) });
  // Not the bare id while its title is on the way.
  else if (missing && !chosen.isError && !chosen.data) options.unshift({ value, label: '…' });
  return (
    <Select
      aria-label={label} style={{ width: 280 }} showSearch={{ filterOption: false, onSearch: setSearch }} allowClear value={value} loading={found.isFetching}
      options={options} notFoundContent={found.isFetching ? t('list.picker.searching') : t('list.picker.none')} onChange={(id?: string) => onChange(id)}
    />
  );
}
