import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Collapse, Form, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';

/** One consent: a person's answer for a channel and a purpose. */
export interface Consent { channel: string; purpose: string; status: 'granted' | 'withdrawn'; source?: string; at?: string; actorLabel?: string }

const channels = ['sms', 'email', 'phone', 'wechat', 'app_push'];
const purposes = ['marketing', 'service', 'analytics', 'third_party'];

/** A person's consents per channel and purpose, their history, and a form to record a new answer. */
export function ConsentsCard({ path }: { path: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Consent>();
  const consents = useQuery({ queryKey: ['consents', path], queryFn: () => api.get<{ data: Consent[]; history?: Consent[] }>(path) });
  const record = useMutation({
    mutationFn: (values: Consent) => api.post<unknown>(path, values),
    onSuccess: () => { void message.success(t('common.saved')); form.resetFields(['status']); void client.invalidateQueries({ queryKey: ['consents', path] }); },
  });
  const columns = [
    { key: 'channel', title: t('privacy.channel'), render: (_: unknown, consent: Consent) => t(`privacy.channels.${consent.channel}`, { defaultValue: consent.channel }) },
    { key: 'purpose', title: t('privacy.purpose'), render: (_: unknown, consent: Consent) => t(`privacy.purposes.${consent.purpose}`, { defaultValue: consent.purpose }) },
    { key: 'status', title: t('privacy.status'), render: (_: unknown, consent: Consent) => <Tag color={consent.status === 'granted' ? 'green' : 'default'}>{t(`privacy.statuses.${consent.status}`)}</Tag> },
    { key: 'source', title: t('privacy.source'), render: (_: unknown, consent: Consent) => consent.source ?? '' },
    { key: 'at', title: t('audit.at'), render: (_: unknown, consent: Consent) => (consent.at ? format.dateTime(consent.at) : '') },
  ];
  const options = (values: string[], group: string) => values.map((value) => ({ value, label: t(`privacy.${group}.${value}`) }));
  return (
    <Card title={t('privacy.consents')} style={{ marginBottom: 16 }}>
      <ErrorAlert error={consents.error} />
      <Table<Consent> rowKey={(consent) => `${consent.channel}/${consent.purpose}`} size="small" columns={columns} dataSource={consents.data?.data ?? []} pagination={false} loading={consents.isPending && !consents.error} />
      {(consents.data?.history?.length ?? 0) > 0 && (
        <Collapse ghost items={[{ key: 'history', label: t('privacy.history'), children: <Table<Consent> rowKey={(_, index) => String(index)} size="small" columns={columns} dataSource={consents.data?.history ?? []} pagination={false} /> }]} />
      )}
      <ErrorAlert error={record.error} />
      <Form<Consent> form={form} layout="inline" onFinish={(values) => record.mutate(values)} style={{ marginTop: 16, rowGap: 8 }} initialValues={{ source: 'studio' }}>
        <Form.Item name="channel" label={t('privacy.channel')} rules={[{ required: true, message: t('validation.required') }]}><Select style={{ width: 140 }} options={options(channels, 'channels')} /></Form.Item>
        <Form.Item name="purpose" label={t('privacy.purpose')} rules={[{ required: true, message: t('validation.required') }]}><Select style={{ width: 140 }} options={options(purposes, 'purposes')} /></Form.Item>
        <Form.Item name="status" label={t('privacy.status')} rules={[{ required: true, message: t('validation.required') }]}><Select style={{ width: 120 }} options={options(['granted', 'withdrawn'], 'statuses')} /></Form.Item>
        <Form.Item name="source" label={t('privacy.source')} rules={[{ required: true, message: t('validation.required') }]}><Input style={{ width: 140 }} /></Form.Item>
        <Button htmlType="submit" type="primary" loading={record.isPending}>{t('privacy.record')}</Button>
      </Form>
    </Card>
  );
}
