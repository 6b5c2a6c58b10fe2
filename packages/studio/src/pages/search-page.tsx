import { Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { PageHeader } from '../components/page-header.js';
import { SearchResults } from '../search/search-results.js';
import { maxSearchLength } from '../search/use-global-search.js';

/** Search every object of a workspace (/w/:slug/search?q=…): the text in the URL, results grouped by object. */
export default function SearchPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const model = useWorkspaceModel(slug);
  const [text, setText] = useState(q);
  const [shown, setShown] = useState(q);
  // A new search from the top bar replaces what the box holds (without remounting it: focus stays).
  if (shown !== q) {
    setShown(q);
    setText(q);
  }
  return (
    <>
      <PageHeader title={q ? t('record.search.resultsFor', { q }) : t('record.search.title')} />
      <Input.Search
        value={text} onChange={(event) => setText(event.target.value)} maxLength={maxSearchLength} allowClear enterButton
        aria-label={t('record.search.pageLabel')} placeholder={t('record.search.placeholder')}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        style={{ maxWidth: 560, marginBottom: 16 }}
      />
      {q
        ? <SearchResults slug={slug} q={q} model={model.data} />
        : <Typography.Paragraph type="secondary">{t('record.search.prompt')}</Typography.Paragraph>}
    </>
  );
}
