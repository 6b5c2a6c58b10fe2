import { useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { blueprintApi, blueprintKey, type BlueprintVersion } from '../api/blueprint.js';
import { useBlueprintChange } from '../build/blueprint-change.js';
import { PlanSummary, summaryOf } from '../build/plan-summary.js';
import { VersionDetail } from '../build/version-detail.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

/** The applied versions of the blueprint: who, when, why and what; each version's diff and steps; roll back to one. */
export default function VersionsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const change = useBlueprintChange(slug);
  const versions = useQuery({ queryKey: [...blueprintKey(slug), 'versions'], queryFn: () => blueprintApi.versions(slug) });
  const list = versions.data ?? [];
  const latest = list.reduce((highest, entry) => Math.max(highest, entry.version), 0);
  const selected = list.find((entry) => String(entry.version) === params.get('version'));
  const select = (version: number) => setParams({ version: String(version) }, { replace: true });
  const columns = [
    { key: 'version', title: t('build.versions.version'), render: (_: unknown, entry: BlueprintVersion) => format.number(entry.version) },
    { key: 'at', title: t('build.versions.appliedAt'), render: (_: unknown, entry: BlueprintVersion) => format.dateTime(entry.applied_at) },
    { key: 'by', title: t('build.versions.appliedBy'), render: (_: unknown, entry: BlueprintVersion) => entry.applied_by_name ?? entry.applied_by },
    { key: 'comment', title: t('build.versions.comment'), render: (_: unknown, entry: BlueprintVersion) => entry.comment ?? '' },
    { key: 'summary', title: t('build.versions.summary'), render: (_: unknown, entry: BlueprintVersion) => <PlanSummary summary={summaryOf(entry.steps)} /> },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, entry: BlueprintVersion) => (
        <Button size="small" type="link" aria-label={t('build.versions.viewNamed', { version: entry.version })} onClick={() => select(entry.version)}>{t('common.view')}</Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('build.versions.title')} />
      <ErrorAlert error={versions.error} />
      <Table<BlueprintVersion> size="small" rowKey="version" columns={columns} dataSource={list} loading={versions.isPending && !versions.error}
        pagination={{ pageSize: 20, hideOnSinglePage: true }} rowClassName={(entry) => (entry.version === selected?.version ? 'ant-table-row-selected' : '')}
        onRow={(entry) => ({ onClick: () => select(entry.version) })} />
      {selected && (
        <VersionDetail key={selected.version} slug={slug} version={selected} latest={selected.version === latest} pending={change.pending}
          onRestore={(version) => change.proposeRestore(version, { onApplied: select })} />
      )}
      {change.dialog}
    </>
  );
}
