import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionKey, platformActions, workspaceActions, type AuditFilters } from './audit-entry.js';

interface Values { object?: string; record?: string; target?: string; actor?: string; action?: string; range?: [{ toISOString(): string } | null, { toISOString(): string } | null] | null }

/** The filters above an audit log: object and record (or target on the platform), actor, action, time range. */
export function AuditFiltersForm({ platform, objects, onApply }: { platform: boolean; objects: { value: string; label: string }[]; onApply: (filters: AuditFilters) => void }) {
  const { t } = useTranslation();
  const apply = (values: Values) => {
    const [from, to] = values.range ?? [];
    const text = (value: string | undefined) => value?.trim() || undefined;
    onApply({
      ...(platform ? { target: text(values.target) } : { object: values.object, record: text(values.record) }),
      actor: text(values.actor), action: text(values.action), from: from?.toISOString(), to: to?.toISOString(),
    });
  };
  return (
    <Form<Values> layout="inline" onFinish={apply} style={{ marginBottom: 16, rowGap: 8 }}>
      {platform ? (
        <Form.Item name="target" label={t('audit.target')}><Input allowClear style={{ width: 180 }} /></Form.Item>
      ) : (
        <>
          <Form.Item name="object" label={t('audit.object')}><Select allowClear showSearch optionFilterProp="label" options={objects} style={{ width: 160 }} /></Form.Item>
          <Form.Item name="record" label={t('audit.record')}><Input allowClear style={{ width: 140 }} /></Form.Item>
        </>
      )}
      <Form.Item name="actor" label={t('audit.actor')}><Input allowClear style={{ width: 160 }} placeholder={t('audit.actorPlaceholder')} /></Form.Item>
      <Form.Item name="action" label={t('audit.action')}>
        <AutoComplete allowClear style={{ width: 160 }} options={(platform ? platformActions : workspaceActions).map((action) => ({ value: action, label: `${action} — ${t(actionKey(action), { defaultValue: action })}` }))} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.when')}><DatePicker.RangePicker showTime allowEmpty={[true, true]} /></Form.Item>
      <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>{t('audit.apply')}</Button>
    </Form>
  );
}
