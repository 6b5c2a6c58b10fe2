import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { fetchRecords } from './use-records.js';

/** Picks one record of an object by its title: the first 20, or those the typed text finds (the list API's search). */
export function RecordPicker({ slug, target, value, onChange, label }: { slug: string; target: ModelObject; value: string | undefined; onChange: (id: string | undefined) => void; label: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const title = target.titleField;
  const found = useQuery({
    queryKey: ['record-picker', slug, target.name, search],
    queryFn: () => fetchRecords(slug, target.name, { limit: 20, search: search.trim() || undefined, fields: title }),
  });
  const options = (found.data?.data ?? []).map((row) => ({ value: String(row.id), label: title && row[title] ? String(row[title]) : String(row.id) }));
  return (
    <Select
      aria-label={label} style={{ width: 280 }} showSearch={{ filterOption: false, onSearch: setSearch }} allowClear value={value} loading={found.isFetching}
      options={options} notFoundContent={found.isFetching ? t('list.picker.searching') : t('list.picker.none')} onChange={(id?: string) => onChange(id)}
    />
  );
}
