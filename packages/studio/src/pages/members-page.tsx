import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, seg } from '../api/client.js';
import { useRoles } from '../api/roles.js';
import type { ListPage } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { MemberForm, type Member, type MemberValues } from '../members/member-form.js';

/** The members of a workspace: add, change role/teams/regions, remove. */
export default function MembersPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Member | 'new'>();
  const key = ['members', slug];
  const base = `/api/w/${seg(slug)}/members`;
  const members = useQuery({ queryKey: key, queryFn: () => api.get<ListPage<Member>>(base) });
  const roles = useRoles(slug);
  const done = (text: string) => { void message.success(text); setEditing(undefined); void client.invalidateQueries({ queryKey: key }); };
  const save = useMutation({
    mutationFn: (values: MemberValues) => (editing === 'new'
      ? api.post<unknown>(base, values)
      : api.patch<unknown>(`${base}/${seg(editing!.userId)}`, { role: values.role, teams: values.teams, regions: values.regions })),
    onSuccess: () => done(t('common.saved')),
  });
  const remove = useMutation({ mutationFn: (userId: string) => api.delete<unknown>(`${base}/${seg(userId)}`), onSuccess: () => done(t('members.removed')) });
  const roleLabel = (name: string) => {
    const role = roles.data?.data.find((candidate) => candidate.name === name);
    return role ? format.label(role.label, name) : name;
  };
  const columns = [
    { title: t('members.name'), dataIndex: 'name', key: 'name' },
    { title: t('members.email'), dataIndex: 'email', key: 'email' },
    { title: t('members.role'), key: 'role', render: (_: unknown, member: Member) => roleLabel(member.role) },
    { title: t('members.teams'), key: 'teams', render: (_: unknown, member: Member) => member.teams?.map((team) => <Tag key={team}>{team}</Tag>) },
    { title: t('members.regions'), key: 'regions', render: (_: unknown, member: Member) => member.regions?.map((region) => <Tag key={region}>{region}</Tag>) },
    { title: t('members.status'), key: 'status', render: (_: unknown, member: Member) => (member.suspended ? <Tag color="red">{t('members.suspended')}</Tag> : <Tag color="green">{t('members.active')}</Tag>) },
    {
      title: t('common.actions'), key: 'actions',
      render: (_: unknown, member: Member) => (
        <Space>
          <Button size="small" onClick={() => { save.reset(); setEditing(member); }}>{t('common.edit')}</Button>
          <Popconfirm title={t('members.removeConfirm', { name: member.name || member.email })} onConfirm={() => remove.mutate(member.userId)} okText={t('common.yes')} cancelText={t('common.no')}>
            <Button size="small" danger>{t('members.remove')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('nav.members')} extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => { save.reset(); setEditing('new'); }}>{t('members.add')}</Button>} />
      <ErrorAlert error={members.error ?? remove.error} />
      <Table<Member> rowKey="userId" columns={columns} dataSource={members.data?.data ?? []} loading={members.isPending && !members.error} pagination={{ pageSize: 50, hideOnSinglePage: true }} />
      {editing && (
        <MemberForm
          member={editing === 'new' ? undefined : editing}
          roles={(roles.data?.data ?? []).map((role) => ({ value: role.name, label: format.label(role.label, role.name) }))}
          saving={save.isPending} error={save.error}
          onSave={(values) => save.mutate(values)} onCancel={() => setEditing(undefined)}
        />
      )}
    </>
  );
}
