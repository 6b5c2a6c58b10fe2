import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { duplicateApi } from './duplicate-api.js';
import type { DedupeRun } from './duplicate-types.js';
import { DedupeRunStatusTag } from './dedupe-run-status-tag.js';

const active = (run: DedupeRun | undefined) => run?.status === 'queued' || run?.status === 'running';

/** The percentage of a run's records checked; below 100 until it ends. */
export function runPercent(run: DedupeRun): number {
  if (!active(run)) return run.status === 'done' ? 100 : run.recordsTotal ? Math.floor((run.recordsDone / run.recordsTotal) * 100) : 0;
  return run.recordsTotal ? Math.min(99, Math.floor((run.recordsDone / run.recordsTotal) * 100)) : 0;
}

/** A dedupe run while it works (polled every second) and once it ends: records checked of the total, pairs found. */
export function DedupeRunProgress({ slug, id, onShowPairs }: { slug: string; id: string; onShowPairs: (runId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const client = useQueryClient();
  const run = useQuery({
    queryKey: ['dedupe-run', slug, id],
    queryFn: () => duplicateApi.run(slug, id),
    refetchInterval: (query) => (query.state.data === undefined || active(query.state.data) ? 1_000 : false),
  });
  const item = run.data;
  const ended = item !== undefined && !active(item);
  // The pairs a run found join the queue, and the list of runs shows how it ended.
  useEffect(() => {
    if (ended) void client.invalidateQueries({ queryKey: ['duplicates', slug] }).then(() => client.invalidateQueries({ queryKey: ['dedupe-runs', slug] }));
  }, [ended, client, slug]);
  if (!item) return null;
  return (
    <Flex vertical gap={8} data-testid="dedupe-run">
      <Flex gap={8} align="center"><Typography.Text strong>{t('duplicates.run.current')}</Typography.Text><DedupeRunStatusTag status={item.status} /></Flex>
      <Progress percent={runPercent(item)} status={item.status === 'failed' ? 'exception' : active(item) ? 'active' : undefined} aria-label={t('duplicates.run.current')} />
      <Typography.Text>
        {item.recordsTotal === null
          ? t('duplicates.run.recordsUnknown', { done: format.number(item.recordsDone) })
          : t('duplicates.run.records', { done: format.number(item.recordsDone), total: format.number(item.recordsTotal) })}
        {' · '}
        {t('duplicates.run.pairs', { count: item.pairs, formatted: format.number(item.pairs) })}
      </Typography.Text>
      {item.error && <Alert type="error" showIcon title={t('duplicates.run.failed', { message: item.error.message[locale] })} />}
      {item.status === 'done' && item.pairs > 0 && (
        <div><Button type="primary" onClick={() => onShowPairs(item.id)}>{t('duplicates.run.showPairs', { count: item.pairs, formatted: format.number(item.pairs) })}</Button></div>
      )}
    </Flex>
  );
}
