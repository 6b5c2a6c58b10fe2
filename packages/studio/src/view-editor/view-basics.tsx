import { Card, Flex, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Blueprint, ObjectDefinition, View } from '../api/documents.js';
import { PointerErrors } from '../components/pointer-errors.js';
import { useFormat } from '../i18n/format.js';
import { newView } from './view-draft.js';
import { groupByFields } from './view-fields.js';

/** A view's object, name, labels, type with its lanes, and page size. */
export function ViewBasics({ draft, isNew, blueprint, object, labelOf, onChange }: {
  draft: View; isNew: boolean; blueprint: Blueprint; object: ObjectDefinition | undefined; labelOf: (name: string) => string; onChange: (change: Partial<View>) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const lanes = object ? groupByFields(object) : [];
  // Another object's columns, filter and order mean nothing here: a new object starts a new view.
  const setObject = (name: string) => {
    const next = blueprint.objects.find((candidate) => candidate.name === name);
    if (next) onChange({ ...newView(next), name: draft.name, label: draft.label });
  };
  const setType = (type: 'table' | 'kanban') => onChange({ type, groupBy: type === 'kanban' ? (draft.groupBy ?? lanes[0]?.name) : undefined });
  return (
    <Card size="small" title={<Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{t('views.editor.basics')}</Typography.Title>}>
      <Form layout="vertical">
        <Flex gap={16} wrap>
          <Form.Item label={t('views.editor.object')} required style={{ minWidth: 220 }}>
            <Select
              aria-label={t('views.editor.object')} value={draft.object || undefined} disabled={!isNew} showSearch optionFilterProp="label" onChange={setObject}
              options={blueprint.objects.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))}
            />
            <PointerErrors at="/object" />
          </Form.Item>
          <Form.Item label={t('views.editor.name')} required extra={t('views.editor.nameHelp')} style={{ minWidth: 220 }}>
            <Input aria-label={t('views.editor.name')} value={draft.name} placeholder="open_orders" onChange={(event) => onChange({ name: event.target.value.trim() })} />
            <PointerErrors at="/name" />
            <PointerErrors at="/id" />
          </Form.Item>
          <Form.Item label={t('views.editor.labelZh')} required style={{ minWidth: 220 }}>
            <Input aria-label={t('views.editor.labelZh')} lang="zh-CN" value={draft.label['zh-CN']} onChange={(event) => onChange({ label: { ...draft.label, 'zh-CN': event.target.value } })} />
            <PointerErrors at="/label/zh-CN" />
          </Form.Item>
          <Form.Item label={t('views.editor.labelEn')} required style={{ minWidth: 220 }}>
            <Input aria-label={t('views.editor.labelEn')} lang="en" value={draft.label.en} onChange={(event) => onChange({ label: { ...draft.label, en: event.target.value } })} />
            <PointerErrors at="/label/en" />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item label={t('views.editor.type')} style={{ minWidth: 220 }}>
            <Radio.Group
              aria-label={t('views.editor.type')} value={draft.type ?? 'table'} optionType="button" onChange={(event) => setType(event.target.value as 'table' | 'kanban')}
              options={[{ value: 'table', label: t('views.editor.table') }, { value: 'kanban', label: t('views.editor.kanban'), disabled: lanes.length === 0 && draft.type !== 'kanban' }]}
            />
            {lanes.length === 0 && object && <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{t('views.editor.noLanes')}</Typography.Text>}
            <PointerErrors at="/type" />
          </Form.Item>
          {draft.type === 'kanban' && (
            <Form.Item label={t('views.editor.groupBy')} required extra={t('views.editor.groupByHelp')} style={{ minWidth: 220 }}>
              <Select
                aria-label={t('views.editor.groupBy')} value={draft.groupBy} onChange={(groupBy: string) => onChange({ groupBy })}
                options={lanes.map((field) => ({ value: field.name, label: `${labelOf(field.name)} (${field.name})` }))}
              />
              <PointerErrors at="/groupBy" />
            </Form.Item>
          )}
          <Form.Item label={t('views.editor.pageSize')} style={{ minWidth: 160 }}>
            <InputNumber
              aria-label={t('views.editor.pageSize')} min={1} max={1000} precision={0} value={draft.pageSize} placeholder={t('views.editor.pageSizeDefault')}
              onChange={(value) => onChange({ pageSize: typeof value === 'number' ? value : undefined })}
            />
            <PointerErrors at="/pageSize" />
          </Form.Item>
        </Flex>
      </Form>
    </Card>
  );
}
