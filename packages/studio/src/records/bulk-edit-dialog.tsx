import { Checkbox, Flex, Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { FieldValueInput } from './field-value-input.js';
import { RecordPicker } from './record-picker.js';

/** Fields a bulk edit may set: writable columns the engine does not fill (not to-many relations, not JSON). */
export function bulkEditableFields(object: ModelObject): ModelField[] {
  return object.fields.filter((field) => field.access === 'write' && !['autonumber', 'computed', 'json'].includes(field.type) && (field.type !== 'relation' || field.relation?.kind === 'many_to_one'));
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Sets one field to one value on every selected record (or empties it), after choosing both. */
export function BulkEditDialog({ slug, object, objects, count, onSubmit, onClose }: {
  slug: string; object: ModelObject; objects: ModelObject[]; count: number; onSubmit: (field: string, value: unknown) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const fields = bulkEditableFields(object);
  const [name, setName] = useState(fields[0]?.name);
  const [value, setValue] = useState<unknown>(null);
  const [clear, setClear] = useState(false);
  const field = fields.find((candidate) => candidate.name === name);
  const target = field?.relation ? objects.find((candidate) => candidate.name === field.relation?.target) : undefined;
  const ready = field !== undefined && (clear || !isBlank(value));
  const chooseField = (next: string) => {
    setName(next);
    setValue(null);
    setClear(false);
  };
  const valueLabel = t('list.bulk.value');
  return (
    <Modal open title={t('list.bulk.editTitle', { count })} onCancel={onClose} okText={t('list.bulk.apply')} okButtonProps={{ disabled: !ready }}
      onOk={() => field && onSubmit(field.name, clear ? null : value)}>
      <Form layout="vertical">
        <Form.Item label={t('list.bulk.field')}>
          <Select aria-label={t('list.bulk.field')} value={name} onChange={chooseField} showSearch={{ optionFilterProp: 'label' }}
            options={fields.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))} />
        </Form.Item>
        <Form.Item label={valueLabel}>
          <Flex vertical gap={8}>
            {!clear && (target
              ? <RecordPicker slug={slug} target={target} value={typeof value === 'string' ? value : undefined} onChange={(id) => setValue(id ?? null)} label={valueLabel} />
              : <FieldValueInput field={field} value={value} onChange={setValue} label={valueLabel} multiple={field?.type === 'multi_select'} width={320} />)}
            {field && !field.required && <Checkbox checked={clear} onChange={(event) => setClear(event.target.checked)}>{t('list.bulk.clear')}</Checkbox>}
          </Flex>
        </Form.Item>
        <Typography.Text type="secondary">{t('list.bulk.editNote', { count })}</Typography.Text>
      </Form>
    </Modal>
  );
}
