import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, download, query, seg } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import type { ListPage } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { WorkspaceDialogForm, type WorkspaceDialog, type WorkspaceRow, type WorkspaceValues } from '../platform/workspace-forms.js';

const base = '/api/platform/workspaces';

/** The platform's workspaces: create from a template, rename, archive, restore, export, clone. */
export default function WorkspacesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [archived, setArchived] = useState(false);
  const [dialog, setDialog] = useState<WorkspaceDialog>();
  const workspaces = useQuery({ queryKey: ['platform-workspaces', archived], queryFn: () => api.get<ListPage<WorkspaceRow>>(`${base}${query({ archived: archived || undefined })}`) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['platform-workspaces'] });
    void client.invalidateQueries({ queryKey: ['session'] });
  };
  const save = useMutation({
    mutationFn: (values: WorkspaceValues) => {
      if (dialog?.kind === 'rename') return api.patch<unknown>(`${base}/${seg(dialog.workspace.slug)}`, { name: values.name });
      if (dialog?.kind === 'clone') return api.post<unknown>(`${base}/${seg(dialog.workspace.slug)}/clone`, { slug: values.slug, name: values.name, withData: values.withData === true });
      return api.post<unknown>(base, { slug: values.slug, name: values.name, template: values.template, sampleData: values.sampleData === true });
    },
    onSuccess: () => { void message.success(t('common.saved')); setDialog(undefined); refresh(); },
  });
  const act = useMutation({
    mutationFn: ({ slug, action }: { slug: string; action: 'archive' | 'restore' }) => api.post<unknown>(`${base}/${seg(slug)}/${action}`, {}),
    onSuccess: () => { void message.success(t('common.saved')); refresh(); },
  });
  const exportOne = (slug: string, data: boolean) =>
    download(`${base}/${seg(slug)}/export${query({ data: data || undefined })}`, `${slug}.json`).catch((error: unknown) => void message.error(errorText(error, locale, t)));
  const open = (next: WorkspaceDialog) => { save.reset(); setDialog(next); };
  const columns = [
    { key: 'name', title: t('workspaces.name'), render: (_: unknown, row: WorkspaceRow) => <>{row.name} {row.archivedAt && <Tag>{t('workspaces.archived')}</Tag>}</> },
    { key: 'slug', title: t('workspaces.slug'), render: (_: unknown, row: WorkspaceRow) => <Typography.Text code>{row.slug}</Typography.Text> },
    { key: 'template', title: t('workspaces.template'), render: (_: unknown, row: WorkspaceRow) => (row.template ? t(`workspaces.templates.${row.template}`, { defaultValue: row.template }) : '') },
    { key: 'version', title: t('workspaces.version'), render: (_: unknown, row: WorkspaceRow) => (row.version !== undefined ? format.number(row.version) : '') },
    { key: 'createdAt', title: t('workspaces.createdAt'), render: (_: unknown, row: WorkspaceRow) => (row.createdAt ? format.dateTime(row.createdAt) : '') },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, row: WorkspaceRow) => (
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'rename', label: t('workspaces.rename'), onClick: () => open({ kind: 'rename', workspace: row }) },
              { key: 'clone', label: t('workspaces.clone'), onClick: () => open({ kind: 'clone', workspace: row }) },
              { key: 'export', label: t('workspaces.export'), onClick: () => void exportOne(row.slug, false) },
              { key: 'export-data', label: t('workspaces.exportWithData'), onClick: () => void exportOne(row.slug, true) },
              row.archivedAt
                ? { key: 'restore', label: t('workspaces.restore'), onClick: () => act.mutate({ slug: row.slug, action: 'restore' }) }
                : { key: 'archive', label: t('workspaces.archive'), danger: true, onClick: () => act.mutate({ slug: row.slug, action: 'archive' }) },
            ],
          }}
        >
          <Button size="small">{t('common.more')}</Button>
        </Dropdown>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('nav.workspaces')}
        extra={
          <>
            <span><Switch size="small" checked={archived} onChange={setArchived} aria-label={t('workspaces.showArchived')} /> {t('workspaces.showArchived')}</span>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open({ kind: 'create' })}>{t('workspaces.create')}</Button>
          </>
        }
      />
      <ErrorAlert error={workspaces.error ?? act.error} />
      <Table<WorkspaceRow> rowKey="slug" columns={columns} dataSource={workspaces.data?.data ?? []} loading={workspaces.isPending && !workspaces.error} pagination={false} />
      {dialog && <WorkspaceDialogForm dialog={dialog} saving={save.isPending} error={save.error} onSave={(values) => save.mutate(values)} onCancel={() => setDialog(undefined)} />}
    </>
  );
}
