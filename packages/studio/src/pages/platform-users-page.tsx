import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../api/client.js';
import { useSignedIn } from '../api/session.js';
import type { ListPage } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { UserDialogForm, type PlatformUser, type UserDialog, type UserValues } from '../platform/user-forms.js';

const base = '/api/platform/users';

/** The platform's users: create, rename, make platform admin, suspend, set a new password. */
export default function PlatformUsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useSignedIn().user;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<UserDialog>();
  const users = useQuery({ queryKey: ['platform-users'], queryFn: () => api.get<ListPage<PlatformUser>>(base) });
  const refresh = () => void client.invalidateQueries({ queryKey: ['platform-users'] });
  const save = useMutation({
    mutationFn: (values: UserValues) => {
      if (dialog?.kind === 'rename') return api.patch<unknown>(`${base}/${seg(dialog.user.id)}`, { name: values.name });
      if (dialog?.kind === 'password') return api.post<unknown>(`${base}/${seg(dialog.user.id)}/password`, { password: values.password });
      return api.post<unknown>(base, { email: values.email, name: values.name, ...(values.password ? { password: values.password } : {}), platformAdmin: values.platformAdmin === true });
    },
    onSuccess: () => { void message.success(t('common.saved')); setDialog(undefined); refresh(); },
  });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: Partial<Pick<PlatformUser, 'platformAdmin' | 'suspended'>> }) => api.patch<unknown>(`${base}/${seg(id)}`, change),
    onSuccess: () => { void message.success(t('common.saved')); refresh(); },
  });
  const open = (next: UserDialog) => { save.reset(); setDialog(next); };
  const columns = [
    { key: 'name', title: t('members.name'), dataIndex: 'name' },
    { key: 'email', title: t('members.email'), dataIndex: 'email' },
    {
      key: 'admin', title: t('users.platformAdmin'),
      render: (_: unknown, user: PlatformUser) => (
        <Switch size="small" checked={user.platformAdmin} disabled={user.id === me.id} aria-label={t('users.platformAdminOf', { email: user.email })}
          onChange={(platformAdmin) => update.mutate({ id: user.id, change: { platformAdmin } })} />
      ),
    },
    {
      key: 'suspended', title: t('members.status'),
      render: (_: unknown, user: PlatformUser) => (user.suspended ? <Tag color="red">{t('members.suspended')}</Tag> : <Tag color="green">{t('members.active')}</Tag>),
    },
    { key: 'createdAt', title: t('workspaces.createdAt'), render: (_: unknown, user: PlatformUser) => (user.createdAt ? format.dateTime(user.createdAt) : '') },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, user: PlatformUser) => (
        <Space>
          <Button size="small" onClick={() => open({ kind: 'rename', user })}>{t('users.rename')}</Button>
          <Button size="small" onClick={() => open({ kind: 'password', user })}>{t('users.setPassword')}</Button>
          {user.id !== me.id && (
            <Button size="small" danger={!user.suspended} onClick={() => update.mutate({ id: user.id, change: { suspended: !user.suspended } })}>
              {user.suspended ? t('users.unsuspend') : t('users.suspend')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.users')} extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => open({ kind: 'create' })}>{t('users.create')}</Button>} />
      <ErrorAlert error={users.error ?? update.error} />
      <Table<PlatformUser> rowKey="id" columns={columns} dataSource={users.data?.data ?? []} loading={users.isPending && !users.error} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      {dialog && <UserDialogForm dialog={dialog} saving={save.isPending} error={save.error} onSave={(values) => save.mutate(values)} onCancel={() => setDialog(undefined)} />}
    </>
  );
}
