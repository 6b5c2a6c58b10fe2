import { Button, Empty, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { historyLine, type HistoryChange } from './history-entry.js';
import { relationIds } from './relation-ids.js';
import { SectionTitle } from './section-title.js';
import { useRecordHistory } from './use-record-history.js';
import { useRelationTitles } from './use-relation-titles.js';

function ChangeItem({ change }: { change: HistoryChange }) {
  const { t } = useTranslation();
  return (
    <li>
      <Typography.Text strong>{change.label}</Typography.Text>{' '}
      {change.personal
        ? <Typography.Text type="secondary">{t('record.history.changed')}</Typography.Text>
        : <Typography.Text>{change.old === undefined ? change.new : `${change.old} → ${change.new}`}</Typography.Text>}
    </li>
  );
}

/** The history tab: the record's audit entries as a timeline (who, when, what changed), newest first, with "load more". */
export function HistoryTimeline({ slug, model, object, id }: { slug: string; model: WorkspaceModel; object: ModelObject; id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useRecordHistory(slug, object.name, id);
  const entries = history.data?.pages.flatMap((page) => page.data) ?? [];
  const titles = useRelationTitles(slug, model, relationIds(entries, object));
  const lines = entries.map((entry) => historyLine(entry, object, titles, format, t));
  return (
    <section aria-label={t('record.history.title')}>
      <div style={{ marginBottom: 16 }}><SectionTitle>{t('record.history.title')}</SectionTitle></div>
      <ErrorAlert error={history.error} />
      {history.isPending && !history.error && <Spin />}
      {history.isSuccess && lines.length === 0 && <Empty description={t('record.history.none')} />}
      <Timeline
        items={lines.map((line) => ({
          key: line.key,
          content: (
            <>
              <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>{t('record.history.by', { actor: line.actor, at: line.at })}</Typography.Text>
              <Tag>{line.action}</Tag>
              {line.changes.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingInlineStart: 16, overflowWrap: 'anywhere' }}>
                  {line.changes.map((change) => <ChangeItem key={change.field} change={change} />)}
                </ul>
              )}
            </>
          ),
        }))}
      />
      {history.hasNextPage && (
        <Button loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>{t('common.loadMore')}</Button>
      )}
    </section>
  );
}
