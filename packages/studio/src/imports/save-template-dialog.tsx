import { useMutation } from '@tanstack/react-query';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';
import { importApi } from './import-api.js';
import type { ImportMapping, MappingTemplate } from './import-types.js';
import { sendableMapping } from './mapping-edit.js';

/** The server's limit on a template's name. */
const maxName = 100;

/**
 * Asks the name to keep the wizard's mapping under on the server, prefilled with the template in
 * use; a name some template of the object already has replaces that template, and the dialog says so.
 */
export function SaveTemplateDialog({ slug, object, mapping, templates, initialName, onSaved, onClose }: {
  slug: string; object: string; mapping: ImportMapping; templates: MappingTemplate[]; initialName: string; onSaved: (saved: MappingTemplate) => void; onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const name = (Form.useWatch('name', form) ?? initialName).trim();
  const replaced = templates.some((template) => template.name === name);
  const save = useMutation({
    mutationFn: (values: { name: string }) => importApi.saveTemplate(slug, { object, name: values.name.trim(), mapping: sendableMapping(mapping) }),
    onSuccess: onSaved,
  });
  return (
    <Modal open title={t('imports.templates.saveTitle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={save.isPending}>
      <ErrorAlert error={save.error} />
      <Form form={form} layout="vertical" initialValues={{ name: initialName }} onFinish={(values) => save.mutate(values)}>
        <Form.Item
          name="name" label={t('imports.templates.name')} rules={[{ required: true, whitespace: true, message: t('imports.templates.nameRequired') }]}
          extra={replaced ? <Typography.Text type="warning">{t('imports.templates.replaces', { name })}</Typography.Text> : t('imports.templates.nameHelp')}
        >
          <Input autoFocus maxLength={maxName} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
