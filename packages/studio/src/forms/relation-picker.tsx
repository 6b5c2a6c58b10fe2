import { ariaDescribedByIds, type WidgetProps } from '@rjsf/utils';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { RecordRow } from '../records/use-records.js';
import type { FormContext } from './form-context.js';
import { recordTitle } from './record-title.js';

/** The uiSchema options the compiler gives a relation field. */
interface PickerOptions {
  target: string;
  multiple: boolean;
  titleField: string;
}

const pageSize = 20;

/** The text typed into the picker, settled for a moment before it is searched. */
function useSettled(text: string, delay = 250): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), delay);
    return () => clearTimeout(timer);
  }, [text, delay]);
  return settled;
}

function listPath(slug: string, options: PickerOptions, params: Record<string, string | number | undefined>): string {
  return `/api/w/${seg(slug)}/data/${seg(options.target)}${query({ ...params, fields: options.titleField ? `id,${options.titleField}` : undefined })}`;
}

function titlesOf(rows: RecordRow[] | undefined, titleField: string): Map<string, string> {
  return new Map((rows ?? []).map((row) => [String(row.id), recordTitle(row, titleField || undefined)] as const));
}

/**
 * The widget of a relation field: a select that searches the target object through the list API
 * (`search`, 20 at a time) and shows records by their title; several for a to-many relation.
 * Chosen ids whose titles are not known yet (a value set by the page) are looked up once.
 */
export function RelationPicker({ id, value, onChange, onBlur, onFocus, disabled, readonly, placeholder, options, registry }: WidgetProps) {
  const { t } = useTranslation();
  const context = registry.formContext as FormContext;
  const picker = options as unknown as PickerOptions;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const search = useSettled(text).trim();
  const visible = context.objects.some((object) => object.name === picker.target);
  const ids: string[] = picker.multiple ? (Array.isArray(value) ? value.map(String) : []) : typeof value === 'string' && value ? [value] : [];
  const found = useQuery({
    queryKey: ['relation-search', context.slug, picker.target, picker.titleField, search],
    enabled: open && visible,
    queryFn: () => api.get<ListPage<RecordRow>>(listPath(context.slug, picker, { search: search || undefined, limit: pageSize })),
  });
  const foundTitles = titlesOf(found.data?.data, picker.titleField);
  const unknown = ids.filter((candidate) => context.titles[candidate] === undefined && !foundTitles.has(candidate));
  const named = useQuery({
    queryKey: ['relation-titles', context.slug, picker.target, picker.titleField, unknown],
    enabled: visible && picker.titleField !== '' && unknown.length > 0,
    queryFn: () => api.get<ListPage<RecordRow>>(listPath(context.slug, picker, { filter: JSON.stringify({ field: 'id', op: 'in', value: unknown }), limit: unknown.length })),
  });
  const namedTitles = titlesOf(named.data?.data, picker.titleField);
  const titleOf = (candidate: string) => context.titles[candidate] ?? foundTitles.get(candidate) ?? namedTitles.get(candidate) ?? candidate;
  const choices = [...new Set([...ids, ...foundTitles.keys()])].map((candidate) => ({ value: candidate, label: titleOf(candidate) }));
  return (
    <Select
      id={id} mode={picker.multiple ? 'multiple' : undefined} allowClear style={{ width: '100%' }}
      value={picker.multiple ? ids : ids[0]} options={choices} placeholder={placeholder || t('forms.relation.placeholder')}
      disabled={disabled || readonly} loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setText }}
      notFoundContent={found.isFetching ? t('forms.relation.searching') : found.error ? t('forms.relation.failed') : t('forms.relation.none')}
      onOpenChange={setOpen}
      onChange={(next: string | string[] | undefined) => onChange(picker.multiple ? (next ?? []) : (next ?? undefined))}
      onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)}
      aria-describedby={ariaDescribedByIds(id)}
    />
  );
}
