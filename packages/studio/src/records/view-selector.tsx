import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { View } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';
import type { SavedViews } from './use-saved-views.js';
import { savedViewKey } from './view-choice.js';

/** The default list (no view) in the selector. */
const noView = '';

/**
 * Picks the list's view: all records, the blueprint's views of the object, the caller's saved
 * views and those shared with them. Saved views are read when the menu first opens (`onOpen`).
 */
export function ViewSelector({ value, shared, saved, loading, onOpen, onChange }: {
  value: string | undefined; shared: View[]; saved: SavedViews | undefined; loading: boolean; onOpen: () => void; onChange: (key: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const option = (key: string, view: View) => ({ value: key, label: format.label(view.label, view.name) });
  const mine = saved?.views.filter((entry) => entry.mine) ?? [];
  const others = saved?.views.filter((entry) => !entry.mine) ?? [];
  const options = [
    { value: noView, label: t('list.views.all') },
    ...(shared.length > 0 ? [{ label: t('list.views.blueprint'), title: t('list.views.blueprint'), options: shared.map((view) => option(view.name, view)) }] : []),
    ...(mine.length > 0 ? [{ label: t('list.views.mine'), title: t('list.views.mine'), options: mine.map((entry) => option(savedViewKey(entry.id), entry.view)) }] : []),
    ...(others.length > 0 ? [{ label: t('list.views.sharedWithMe'), title: t('list.views.sharedWithMe'), options: others.map((entry) => option(savedViewKey(entry.id), entry.view)) }] : []),
    ...(saved && !saved.available ? [{ value: '__unavailable', label: t('list.views.unavailable'), disabled: true }] : []),
  ];
  // A saved view named by the link but not read yet shows as loading rather than as its raw key.
  const known = value === undefined || options.some((entry) => entry.value === value || ('options' in entry && entry.options?.some((inner) => inner.value === value)));
  return (
    <Select
      aria-label={t('list.views.label')} style={{ width: 220 }} value={known ? value ?? noView : undefined} placeholder={loading ? t('list.views.loading') : t('list.views.missing')}
      options={options} loading={loading} onOpenChange={(open) => open && onOpen()}
      onChange={(key: string) => onChange(key === noView ? undefined : key)}
    />
  );
}
