import { useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { duplicateApi } from './duplicate-api.js';
import type { DedupeRun } from './duplicate-types.js';
import { DedupeRunStatusTag } from './dedupe-run-status-tag.js';
import { ruleSummary } from './rule-fields.js';

/** An object's past dedupe runs, newest first: when, how, how far, what they found, and the way to their pairs. */
export function DedupeRunsTable({ slug, object, onShowPairs }: { slug: string; object: ModelObject; onShowPairs: (runId: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const runs = useQuery({
    queryKey: ['dedupe-runs', slug, object.name],
    queryFn: () => duplicateApi.runs(slug, object.name),
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'queued' || run.status === 'running') ? 2_000 : false),
  });
  const labelOf = (name: string) => format.label(object.fields.find((field) => field.name === name)?.label, name);
  const describe = (run: DedupeRun) => {
    const summary = ruleSummary(run.rule, labelOf);
    return [
      summary.keys.length > 0 && t('duplicates.rule.keys', { fields: summary.keys.join('、') }),
      summary.block.length > 0 && t('duplicates.rule.fuzzy', { block: summary.block.join('、'), compare: summary.compare.join('、') }),
    ].filter(Boolean).join('；');
  };
  return (
    <>
      <ErrorAlert error={runs.error} />
      <Table
        rowKey="id" size="small" loading={runs.isLoading} dataSource={runs.data ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
        title={() => <Typography.Text strong>{t('duplicates.run.past')}</Typography.Text>} locale={{ emptyText: t('duplicates.run.none') }}
        columns={[
          { title: t('duplicates.run.at'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
          { title: t('duplicates.run.statusTitle'), dataIndex: 'status', render: (status: DedupeRun['status']) => <DedupeRunStatusTag status={status} /> },
          { title: t('duplicates.run.rule'), key: 'rule', render: (_: unknown, run: DedupeRun) => describe(run) },
          { title: t('duplicates.run.checked'), key: 'checked', render: (_: unknown, run: DedupeRun) => format.number(run.recordsDone) },
          { title: t('duplicates.run.found'), dataIndex: 'pairs', render: (pairs: number) => format.number(pairs) },
          {
            title: '', key: 'open',
            render: (_: unknown, run: DedupeRun) => run.pairs > 0 && <Button type="link" size="small" onClick={() => onShowPairs(run.id)}>{t('duplicates.run.open')}</Button>,
          },
        ]}
      />
    </>
  );
}
