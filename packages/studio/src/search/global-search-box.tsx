import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Typography } from 'antd';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { recordPath } from '../record/record-paths.js';
import { SearchHitLabel } from './search-hit-label.js';
import { searchPath } from './search-path.js';
import { useDebouncedValue } from './use-debounced-value.js';
import { maxSearchLength, useGlobalSearch } from './use-global-search.js';

// Option values are "<object>/<id>": object names never hold a slash. This one opens the search page.
const showAllValue = '\u0000all';

/**
 * The search box of the top bar: after a pause in typing it asks the server for a few records of
 * every object, grouped by object with the field that matched; choosing one (arrows and Enter,
 * or a click) opens it, Enter without a choice opens the search page.
 */
export function GlobalSearchBox({ slug }: { slug: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text.trim(), 250);
  const search = useGlobalSearch(slug, q, 5);
  const model = useWorkspaceModel(slug);
  // Enter on a highlighted option selects it first, then reaches onKeyDown in the same call stack.
  const selected = useRef(false);
  if (!slug) return null;
  const groups = q ? search.data?.data ?? [] : [];
  const options = groups.filter((group) => group.records.length > 0).map((group) => {
    const object = model.data?.objects.find((candidate) => candidate.name === group.object);
    const label = format.label(group.label ?? object?.label, group.object);
    return {
      label: <Typography.Text type="secondary" strong>{label}</Typography.Text>,
      title: label,
      options: group.records.map((hit) => ({ value: `${group.object}/${hit.id}`, label: <SearchHitLabel hit={hit} object={object} objectName={group.object} /> })),
    };
  });
  const openSearchPage = () => {
    if (text.trim() === '') return;
    void navigate(searchPath(slug, text.trim()));
    setText('');
  };
  const onSelect = (value: string) => {
    selected.current = true;
    // A click selects without any Enter to follow: forget the choice once this event is handled.
    queueMicrotask(() => { selected.current = false; });
    if (value === showAllValue) return openSearchPage();
    const slash = value.indexOf('/');
    setText('');
    void navigate(recordPath(slug, value.slice(0, slash), value.slice(slash + 1)));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    // The Enter that confirms a pinyin composition is not a search.
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || selected.current) return;
    openSearchPage();
  };
  const waiting = text.trim() !== '' && (text.trim() !== q || search.isFetching);
  return (
    <AutoComplete
      aria-label={t('record.search.label')} placeholder={t('record.search.placeholder')} prefix={<SearchOutlined aria-hidden />}
      value={text} onChange={(value: string) => setText(value.slice(0, maxSearchLength))} onSelect={onSelect} onKeyDown={onKeyDown}
      options={options.length > 0 ? [...options, { value: showAllValue, label: t('record.search.showAll') }] : []}
      notFoundContent={q && !waiting && search.isSuccess ? t('record.search.noResults', { q }) : waiting ? t('record.search.searching') : null}
      allowClear listHeight={420} popupMatchSelectWidth={440} style={{ width: '100%', maxWidth: 440 }}
    />
  );
}
