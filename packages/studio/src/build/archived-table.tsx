import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { ArchiveEntry } from './use-archives.js';

/** Archived objects or fields with when they went and a Restore button each. */
export function ArchivedTable({ entries, disabled, onRestore }: { entries: ArchiveEntry[]; disabled: boolean; onRestore: (entry: ArchiveEntry) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const columns = [
    { key: 'label', title: t('build.objects.label'), render: (_: unknown, entry: ArchiveEntry) => format.label(entry.label, entry.name) },
    { key: 'name', title: t('build.objects.name'), render: (_: unknown, entry: ArchiveEntry) => <code>{entry.name}</code> },
    { key: 'at', title: t('build.archives.archivedAt'), render: (_: unknown, entry: ArchiveEntry) => format.dateTime(entry.archived_at) },
    { key: 'version', title: t('build.archives.version'), render: (_: unknown, entry: ArchiveEntry) => format.number(entry.archived_in_version) },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, entry: ArchiveEntry) => (
        <Button size="small" disabled={disabled} aria-label={t('build.archives.restoreNamed', { name: format.label(entry.label, entry.name) })} onClick={() => onRestore(entry)}>{t('build.archives.restore')}</Button>
      ),
    },
  ];
  return <Table<ArchiveEntry> size="small" rowKey="id" columns={columns} dataSource={entries} pagination={false} />;
}
