import { Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { RecordPicker } from './record-picker.js';

/** Fields a tag can be added to: writable multi selects, and many-to-many relations to an object the caller can read. */
export function taggableFields(object: ModelObject, objects: ModelObject[]): ModelField[] {
  return object.fields.filter((field) => field.access === 'write' && (
    (field.type === 'multi_select' && (field.options?.length ?? 0) > 0)
    || (field.relation?.kind === 'many_to_many' && objects.some((candidate) => candidate.name === field.relation?.target))
  ));
}

/** Adds one tag (an option, or a linked record such as a tag) to every selected record, keeping the ones they have. */
export function BulkTagDialog({ slug, object, objects, count, onSubmit, onClose }: {
  slug: string; object: ModelObject; objects: ModelObject[]; count: number; onSubmit: (field: ModelField, tag: string) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = taggableFields(object, objects);
  const [name, setName] = useState(fields[0]?.name);
  const [tag, setTag] = useState<string>();
  const field = fields.find((candidate) => candidate.name === name);
  const target = field?.relation ? objects.find((candidate) => candidate.name === field.relation?.target) : undefined;
  const tagLabel = t('list.bulk.tag');
  return (
    <Modal open title={t('list.bulk.tagTitle', { count })} onCancel={onClose} okText={t('list.bulk.apply')} okButtonProps={{ disabled: !field || !tag }}
      onOk={() => field && tag && onSubmit(field, tag)}>
      <Form layout="vertical">
        <Form.Item label={t('list.bulk.field')}>
          <Select aria-label={t('list.bulk.field')} value={name} onChange={(next: string) => { setName(next); setTag(undefined); }}
            options={fields.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))} />
        </Form.Item>
        <Form.Item label={tagLabel}>
          {target
            ? <RecordPicker key={target.name} slug={slug} target={target} value={tag} onChange={setTag} label={tagLabel} />
            : <Select aria-label={tagLabel} value={tag} onChange={setTag} style={{ width: 280 }}
              options={(field?.options ?? []).map((option) => ({ value: option.value, label: format.label(option.label, option.value) }))} />}
        </Form.Item>
        <Typography.Text type="secondary">{t('list.bulk.tagNote')}</Typography.Text>
      </Form>
    </Modal>
  );
}
