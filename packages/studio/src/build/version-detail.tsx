import { RollbackOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Spin, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { blueprintApi, blueprintKey, type BlueprintVersion } from '../api/blueprint.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useLocale } from '../i18n/index.js';
import { namesIn } from './blueprint-names.js';
import { diffRows } from './blueprint-diff.js';
import { DiffView } from './diff-view.js';
import { PlanSteps } from './plan-steps.js';

function useVersionBlueprint(slug: string, version: number) {
  return useQuery({
    queryKey: [...blueprintKey(slug), 'version', version],
    queryFn: () => blueprintApi.at(slug, version),
    enabled: version >= 1,
    staleTime: Infinity,
  });
}

/** One applied version: its diff against the version before, the steps it ran, and a rollback to it. */
export function VersionDetail({ slug, version, latest, pending, onRestore }: {
  slug: string; version: BlueprintVersion; latest: boolean; pending: boolean; onRestore: (version: number) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = useVersionBlueprint(slug, version.version);
  const previous = useVersionBlueprint(slug, version.version - 1);
  const error = current.error ?? previous.error;
  const ready = current.data && (version.version === 1 || previous.data);
  const names = namesIn([current.data, previous.data], locale);
  const restore = (
    <Button icon={<RollbackOutlined aria-hidden />} disabled={latest || pending} onClick={() => onRestore(version.version)}>{t('build.versions.restore')}</Button>
  );
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('build.versions.detail', { version: version.version })}</h3>} extra={restore} style={{ marginTop: 16 }}>
      <ErrorAlert error={error} />
      <Tabs items={[
        { key: 'diff', label: t('build.versions.diff'), children: ready ? <DiffView rows={diffRows(previous.data, current.data)} /> : !error && <Spin /> },
        { key: 'steps', label: t('build.versions.steps', { count: version.steps.length }), children: version.steps.length > 0 ? <PlanSteps steps={version.steps} names={names} /> : t('build.versions.noSteps') },
      ]} />
    </Card>
  );
}
