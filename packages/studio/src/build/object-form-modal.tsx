import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Blueprint, ObjectDefinition } from '../api/documents.js';
import { objectNameProblem, type NewObject } from './object-changes.js';

interface Values { name: string; zh: string; en: string }

/**
 * The labels and API name of a new object (`object` absent) or of one being renamed. It stays open
 * while the change is reviewed, so a failed plan or apply loses nothing typed here.
 */
export function ObjectFormModal({ object, blueprint, archivedIds, pending, onSubmit, onClose }: {
  object: ObjectDefinition | undefined; blueprint: Blueprint; archivedIds: string[]; pending: boolean;
  onSubmit: (change: NewObject) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const initial: Values = { name: object?.name ?? '', zh: object?.label['zh-CN'] ?? '', en: object?.label.en ?? '' };
  const nameRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const problem = objectNameProblem((value ?? '').trim(), blueprint, archivedIds, object?.id);
      if (problem) throw new Error(t(`build.objects.name_${problem}`));
    },
  };
  const submit = (values: Values) => onSubmit({ name: values.name.trim(), label: { 'zh-CN': values.zh.trim(), en: values.en.trim() } });
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <Modal open title={object ? t('build.objects.renameTitle', { name: object.name }) : t('build.objects.createTitle')} onCancel={onClose}
      onOk={() => form.submit()} okText={t('build.objects.review')} confirmLoading={pending} cancelText={t('common.cancel')}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="zh" label={t('build.objects.labelZh')} rules={[required, { max: 500 }]}><Input lang="zh-CN" /></Form.Item>
        <Form.Item name="en" label={t('build.objects.labelEn')} rules={[required, { max: 500 }]}><Input lang="en" /></Form.Item>
        <Form.Item name="name" label={t('build.objects.name')} required rules={[nameRule]} extra={object ? t('build.objects.renameHelp') : t('build.objects.nameHelp')}>
          <Input spellCheck={false} autoComplete="off" placeholder="leads" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
