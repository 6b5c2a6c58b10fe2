import { Button, Divider, Drawer, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PointerError } from '../api/api-error.js';
import type { Blueprint, Field, ObjectDefinition } from '../api/documents.js';
import { PointerErrorsContext } from '../components/pointer-errors.js';
import { FieldBasicItems } from './field-basic-items.js';
import { FieldDefaultItem } from './field-default-item.js';
import { FieldFlagItems } from './field-flag-items.js';
import { FieldLimitItems } from './field-limit-items.js';
import { fieldToValues, newFieldId, valuesToField, type FieldValues } from './field-values.js';
import { OptionsEditor } from './options-editor.js';
import { RelationItems } from './relation-items.js';

const emptyField: FieldValues = { name: '', type: 'text', label: { 'zh-CN': '', en: '' } };

/** What the drawer edits: an existing field of the draft, or (field undefined) a new one. */
export interface FieldDrawerProps {
  field: Field | undefined;
  object: ObjectDefinition;
  blueprint: Blueprint;
  /** Ids of the object's fields, present and archived: a new field never takes one. */
  takenIds: ReadonlySet<string>;
  /** The last plan's errors at this field, pointers relative to it. */
  errors: PointerError[];
  onSave: (field: Field) => void;
  onClose: () => void;
}

function TypeItems({ blueprint, object }: { blueprint: Blueprint; object: string }) {
  const type = Form.useWatch<Field['type'] | undefined>('type', Form.useFormInstance());
  return (
    <>
      {(type === 'single_select' || type === 'multi_select') && <OptionsEditor />}
      {type === 'relation' && <RelationItems blueprint={blueprint} object={object} />}
      <FieldLimitItems />
      <FieldDefaultItem />
    </>
  );
}

/** Adds or edits a field of the draft, with the inputs its type takes; the server's errors show beside them. */
export function FieldDrawer({ field, object, blueprint, takenIds, errors, onSave, onClose }: FieldDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FieldValues>();
  const takenNames = new Set(object.fields.filter((other) => other.id !== field?.id).map((other) => other.name));
  const save = (values: FieldValues) => {
    const complete = { ...(field ? fieldToValues(field) : emptyField), ...values };
    onSave(valuesToField(complete, field?.id ?? newFieldId(complete.name.trim(), takenIds), field));
  };
  const changed = (change: Partial<FieldValues>) => {
    // A default typed for the old type would not fit the new one; a relation starts as many_to_one.
    if (change.type === undefined) return;
    form.setFieldsValue({ default: undefined, defaultJson: undefined });
    if (change.type === 'relation' && !form.getFieldValue(['relation', 'kind'])) form.setFieldValue(['relation', 'kind'], 'many_to_one');
  };
  const title = field ? t('build.fields.editTitle', { name: field.name }) : t('build.fields.addTitle');
  return (
    <Drawer open title={title} size={640} onClose={onClose} destroyOnHidden
      footer={<Flex justify="end" gap={8}><Button onClick={onClose}>{t('common.cancel')}</Button><Button type="primary" onClick={() => form.submit()}>{t('build.fields.done')}</Button></Flex>}>
      <PointerErrorsContext.Provider value={errors}>
        <Form form={form} layout="vertical" initialValues={field ? fieldToValues(field) : emptyField} onFinish={save} onValuesChange={changed}>
          <FieldBasicItems takenNames={takenNames} existing={field !== undefined} />
          <TypeItems blueprint={blueprint} object={object.name} />
          <Divider style={{ margin: '8px 0 16px' }} />
          <FieldFlagItems />
        </Form>
      </PointerErrorsContext.Provider>
    </Drawer>
  );
}
