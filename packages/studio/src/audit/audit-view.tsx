import { Button, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { actionKey, type AuditEntry, type AuditFilters } from './audit-entry.js';
import { AuditFiltersForm } from './audit-filters-form.js';
import { useAudit } from './use-audit.js';

const shown = (value: unknown) => (value === null || value === undefined ? '∅' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** An audit log with its filters and "load more": a workspace's, or the platform's (target instead of object and record). */
export function AuditView({ path, platform, objects, fieldLabel }: {
  path: string; platform: boolean; objects: { value: string; label: string }[]; fieldLabel: (object: string | null | undefined, field: string) => string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<AuditFilters>({});
  const audit = useAudit(path, filters);
  const rows = audit.data?.pages.flatMap((page) => page.data) ?? [];
  const objectLabel = (name: string | null | undefined) => objects.find((object) => object.value === name)?.label ?? name ?? '';
  const columns = [
    { key: 'at', title: t('audit.at'), render: (_: unknown, entry: AuditEntry) => <span style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.at)}</span> },
    { key: 'actor', title: t('audit.actor'), render: (_: unknown, entry: AuditEntry) => entry.actorLabel ?? entry.actorId ?? t('audit.system') },
    { key: 'action', title: t('audit.action'), render: (_: unknown, entry: AuditEntry) => <Tag title={entry.action}>{t(actionKey(entry.action), { defaultValue: entry.action })}</Tag> },
    platform
      ? { key: 'target', title: t('audit.target'), render: (_: unknown, entry: AuditEntry) => entry.target ?? '' }
      : { key: 'record', title: t('audit.record'), render: (_: unknown, entry: AuditEntry) => [objectLabel(entry.object), entry.recordId].filter(Boolean).join(' #') },
    platform
      ? { key: 'details', title: t('audit.details'), render: (_: unknown, entry: AuditEntry) => <Typography.Text style={{ fontSize: 12 }}>{entry.details && Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : ''}</Typography.Text> }
      : {
        key: 'changes', title: t('audit.changes'),
        render: (_: unknown, entry: AuditEntry) => (
          <ul style={{ margin: 0, paddingInlineStart: 16, minWidth: 280, maxWidth: 560, overflowWrap: 'anywhere' }}>
            {Object.entries(entry.changes ?? {}).map(([field, change]) => (
              <li key={field}>
                <Typography.Text strong>{fieldLabel(entry.object, field)}</Typography.Text>{' '}
                {'changed' in change ? <Typography.Text type="secondary">{t('audit.changedPersonal')}</Typography.Text> : `${shown(change.old)} → ${shown(change.new)}`}
              </li>
            ))}
          </ul>
        ),
      },
    { key: 'ip', title: t('audit.ip'), render: (_: unknown, entry: AuditEntry) => entry.ip ?? '' },
    { key: 'request', title: t('audit.requestId'), render: (_: unknown, entry: AuditEntry) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{entry.requestId ?? ''}</Typography.Text> },
  ];
  return (
    <>
      <AuditFiltersForm platform={platform} objects={objects} onApply={setFilters} />
      <ErrorAlert error={audit.error} />
      <Table<AuditEntry> rowKey={(entry) => String(entry.id)} size="small" columns={columns} dataSource={rows} pagination={false} loading={audit.isPending && !audit.error} scroll={{ x: 'max-content' }} />
      {audit.hasNextPage && <Button style={{ marginTop: 16 }} loading={audit.isFetchingNextPage} onClick={() => void audit.fetchNextPage()}>{t('common.loadMore')}</Button>}
    </>
  );
}
