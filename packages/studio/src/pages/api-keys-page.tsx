import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, seg } from '../api/client.js';
import { useSignedIn } from '../api/session.js';
import { scopes, type ListPage } from '../api/types.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

interface ApiKey { id: string; name: string; scopes: string[]; workspace?: string | null; expiresAt?: string | null; createdAt?: string; lastUsedAt?: string | null; revokedAt?: string | null }
/** The new key with its secret (`token`; `secret` in the issue's wording), the only time the server sends it. */
interface Created { secret?: string; data?: ApiKey & { token?: string; secret?: string } }
interface Values { name: string; scopes: string[]; workspace?: string; expiresAt?: { toISOString(): string } }

const keysKey = ['api-keys'];

/** The user's API keys: create one (its secret shown once, with a copy button), revoke one. */
export default function ApiKeysPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSignedIn();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string>();
  const [form] = Form.useForm<Values>();
  const keys = useQuery({ queryKey: keysKey, queryFn: () => api.get<ListPage<ApiKey>>('/api/auth/api-keys') });
  const create = useMutation({
    mutationFn: (values: Values) => api.post<Created>('/api/auth/api-keys', {
      name: values.name, scopes: values.scopes,
      ...(values.workspace ? { workspace: values.workspace } : {}),
      ...(values.expiresAt ? { expiresAt: values.expiresAt.toISOString() } : {}),
    }),
    onSuccess: (answer) => {
      setCreating(false);
      form.resetFields();
      setSecret(answer.data?.token ?? answer.data?.secret ?? answer.secret);
      void client.invalidateQueries({ queryKey: keysKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/auth/api-keys/${seg(id)}`),
    onSuccess: () => { void message.success(t('apiKeys.revoked')); void client.invalidateQueries({ queryKey: keysKey }); },
  });
  const columns = [
    { title: t('apiKeys.name'), dataIndex: 'name', key: 'name' },
    { title: t('apiKeys.scopes'), key: 'scopes', render: (_: unknown, key: ApiKey) => key.scopes.map((scope) => <Tag key={scope}>{scope}</Tag>) },
    { title: t('apiKeys.workspace'), key: 'workspace', render: (_: unknown, key: ApiKey) => key.workspace ?? t('apiKeys.allWorkspaces') },
    { title: t('apiKeys.expiresAt'), key: 'expiresAt', render: (_: unknown, key: ApiKey) => (key.expiresAt ? format.dateTime(key.expiresAt) : t('apiKeys.never')) },
    { title: t('apiKeys.lastUsedAt'), key: 'lastUsedAt', render: (_: unknown, key: ApiKey) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt) : '—') },
    {
      title: t('common.actions'), key: 'actions',
      render: (_: unknown, key: ApiKey) => (key.revokedAt ? <Tag>{t('apiKeys.revokedAt', { at: format.dateTime(key.revokedAt) })}</Tag> : (
        <Popconfirm title={t('apiKeys.revokeConfirm', { name: key.name })} onConfirm={() => revoke.mutate(key.id)} okText={t('common.yes')} cancelText={t('common.no')}>
          <Button danger size="small">{t('apiKeys.revoke')}</Button>
        </Popconfirm>
      )),
    },
  ];
  return (
    <>
      <PageHeader title={t('account.apiKeys')} extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('apiKeys.create')}</Button>} />
      <ErrorAlert error={keys.error ?? revoke.error} />
      {secret && (
        <Alert
          type="success" showIcon closable={{ onClose: () => setSecret(undefined) }} style={{ marginBottom: 16 }}
          title={t('apiKeys.secretOnce')}
          description={<Typography.Text code copyable={{ text: secret, tooltips: [t('common.copy'), t('common.copied')] }}>{secret}</Typography.Text>}
        />
      )}
      <Table<ApiKey> rowKey="id" columns={columns} dataSource={keys.data?.data ?? []} loading={keys.isPending && !keys.error} pagination={false} />
      <Modal
        open={creating} title={t('apiKeys.create')} okText={t('apiKeys.create')} cancelText={t('common.cancel')}
        onCancel={() => setCreating(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden
      >
        <ErrorAlert error={create.error} />
        <Form form={form} layout="vertical" onFinish={(values) => create.mutate(values)} initialValues={{ scopes: ['records:read'] }}>
          <Form.Item name="name" label={t('apiKeys.name')} rules={[{ required: true, message: t('validation.required') }]}><Input maxLength={100} /></Form.Item>
          <Form.Item name="scopes" label={t('apiKeys.scopes')} rules={[{ required: true, message: t('validation.required') }]}>
            <Select mode="multiple" options={scopes.map((scope) => ({ value: scope, label: `${scope} — ${t(`apiKeys.scope.${scope}`)}` }))} />
          </Form.Item>
          <Form.Item name="workspace" label={t('apiKeys.workspace')} extra={t('apiKeys.workspaceHelp')}>
            <Select allowClear options={session.workspaces.map((workspace) => ({ value: workspace.slug, label: workspace.name }))} />
          </Form.Item>
          <Form.Item name="expiresAt" label={t('apiKeys.expiresAt')}><DatePicker showTime /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
