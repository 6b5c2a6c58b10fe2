import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, seg } from '../api/client.js';
import { rolesKey, useRoles, type Role } from '../api/roles.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

/** The roles of a workspace: built-in ones to view or copy, custom ones to edit or delete. */
export default function RolesPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const roles = useRoles(slug);
  const base = `/w/${encodeURIComponent(slug)}`;
  const remove = useMutation({
    mutationFn: (name: string) => api.delete<unknown>(`/api/w/${seg(slug)}/roles/${seg(name)}`),
    onSuccess: () => { void message.success(t('roles.deleted')); void client.invalidateQueries({ queryKey: rolesKey(slug) }); },
  });
  const columns = [
    { key: 'label', title: t('roles.label'), render: (_: unknown, role: Role) => <Link to={`${base}/roles/${encodeURIComponent(role.name)}`}>{format.label(role.label, role.name)}</Link> },
    { key: 'name', title: t('roles.name'), dataIndex: 'name' },
    { key: 'description', title: t('roles.description'), render: (_: unknown, role: Role) => format.label(role.document.description) },
    { key: 'kind', title: t('roles.kind'), render: (_: unknown, role: Role) => (role.builtIn ? <Tag color="blue">{t('roles.builtInTag')}</Tag> : <Tag>{t('roles.customTag')}</Tag>) },
    {
      key: 'actions', title: t('common.actions'),
      render: (_: unknown, role: Role) => (
        <Space>
          <Link to={`${base}/roles/${encodeURIComponent(role.name)}`}>{role.builtIn ? t('common.view') : t('common.edit')}</Link>
          <Link to={`${base}/new-role?from=${encodeURIComponent(role.name)}`}>{t('roles.copyAsNew')}</Link>
          {!role.builtIn && (
            <Popconfirm title={t('roles.deleteConfirm', { name: format.label(role.label, role.name) })} onConfirm={() => remove.mutate(role.name)} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button size="small" type="link" danger>{t('common.delete')}</Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.roles')} extra={<Link to={`${base}/new-role`}><Button type="primary" icon={<PlusOutlined aria-hidden />}>{t('roles.new')}</Button></Link>} />
      <ErrorAlert error={roles.error ?? remove.error} />
      <Table<Role> rowKey="name" columns={columns} dataSource={roles.data?.data ?? []} loading={roles.isPending && !roles.error} pagination={false} />
    </>
  );
}
