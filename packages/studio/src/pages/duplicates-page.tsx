import { Empty, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { DedupePanel } from '../duplicates/dedupe-panel.js';
import { DuplicateQueue } from '../duplicates/duplicate-queue.js';
import { useFormat } from '../i18n/format.js';

const tabs = ['pending', 'resolved', 'find'] as const;
type Tab = (typeof tabs)[number];

/**
 * The duplicates of an object: the review queue of likely duplicates (import rows that resemble a
 * record, records a dedupe run found alike), pending or decided, and the search for duplicates
 * among stored records. The query string holds the object, the tab and an import or run to
 * narrow the queue to (the import page links here with ?object=…&importId=…).
 */
export default function DuplicatesPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const model = useWorkspaceModel(slug);
  const objects = model.data?.objects ?? [];
  const object = objects.find((candidate) => candidate.name === params.get('object')) ?? objects[0];
  const tab: Tab = tabs.find((name) => name === params.get('tab')) ?? 'pending';
  const importId = params.get('importId') ?? undefined;
  const runId = params.get('runId') ?? undefined;
  const go = (next: { object?: string; tab?: Tab; importId?: string; runId?: string }) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries({ object: next.object ?? object?.name, tab: next.tab ?? tab, importId: next.importId, runId: next.runId })) {
      if (value && !(key === 'tab' && value === 'pending')) search.set(key, value);
    }
    setParams(search);
  };
  const narrowed = importId ? t('duplicates.queue.ofImport') : runId ? t('duplicates.queue.ofRun') : undefined;
  const queue = (status: 'pending' | 'resolved') => object && (
    <DuplicateQueue key={`${object.name}|${status}|${importId ?? ''}|${runId ?? ''}`} slug={slug} object={object} filter={{ object: object.name, status, importId, runId }} />
  );
  return (
    <>
      <PageHeader
        title={t('duplicates.title')}
        extra={(
          <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <Typography.Text>{t('duplicates.object')}</Typography.Text>
            <Select
              aria-label={t('duplicates.object')} style={{ minWidth: 180 }} value={object?.name} onChange={(name: string) => go({ object: name })}
              options={objects.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))}
            />
          </label>
        )}
      />
      <ErrorAlert error={model.error} />
      {model.data && !object && <Empty description={t('records.noObject')} />}
      {object && (
        <Flex vertical gap={8} style={{ maxWidth: 1200 }}>
          {narrowed && tab !== 'find' && (
            <div><Tag closable onClose={() => go({})} color="blue">{narrowed}</Tag></div>
          )}
          <Tabs
            activeKey={tab} onChange={(key) => go({ tab: key as Tab, importId, runId })}
            items={[
              { key: 'pending', label: t('duplicates.tabs.pending'), children: tab === 'pending' && queue('pending') },
              { key: 'resolved', label: t('duplicates.tabs.resolved'), children: tab === 'resolved' && queue('resolved') },
              { key: 'find', label: t('duplicates.tabs.find'), children: tab === 'find' && <DedupePanel key={object.name} slug={slug} object={object} onShowPairs={(id) => go({ tab: 'pending', runId: id })} /> },
            ]}
          />
        </Flex>
      )}
    </>
  );
}
