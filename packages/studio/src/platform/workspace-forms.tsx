import { Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';

/** A workspace as the platform lists it. */
export interface WorkspaceRow { slug: string; name: string; template?: string | null; version?: number; archivedAt?: string | null; createdAt?: string }

/** What the create, rename and clone dialogs send. */
export interface WorkspaceValues { slug?: string; name: string; template?: 'retail' | 'b2b-sales'; sampleData?: boolean; withData?: boolean }

/** Which dialog is open: create, rename or clone (of a workspace). */
export type WorkspaceDialog = { kind: 'create' } | { kind: 'rename'; workspace: WorkspaceRow } | { kind: 'clone'; workspace: WorkspaceRow };

const slugRule = /^[a-z][a-z0-9_-]{0,62}$/;

/** The dialog of a workspace action, its fields chosen by kind. */
export function WorkspaceDialogForm({ dialog, saving, error, onSave, onCancel }: {
  dialog: WorkspaceDialog; saving: boolean; error: unknown; onSave: (values: WorkspaceValues) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<WorkspaceValues>();
  const title = dialog.kind === 'create' ? t('workspaces.create') : dialog.kind === 'rename' ? t('workspaces.renameTitle', { name: dialog.workspace.name }) : t('workspaces.cloneTitle', { name: dialog.workspace.name });
  const initial = dialog.kind === 'rename' ? { name: dialog.workspace.name } : dialog.kind === 'create' ? { template: 'retail' as const, sampleData: false } : { withData: false };
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form<WorkspaceValues> form={form} layout="vertical" onFinish={onSave} initialValues={initial}>
        {dialog.kind !== 'rename' && (
          <Form.Item name="slug" label={t('workspaces.slug')} extra={t('workspaces.slugHelp')} rules={[{ required: true, pattern: slugRule, message: t('workspaces.slugRule') }]}>
            <Input />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('workspaces.name')} rules={[{ required: true, message: t('validation.required') }]}><Input /></Form.Item>
        {dialog.kind === 'create' && (
          <>
            <Form.Item name="template" label={t('workspaces.template')}>
              <Select options={[{ value: 'retail', label: t('workspaces.templates.retail') }, { value: 'b2b-sales', label: t('workspaces.templates.b2b-sales') }]} />
            </Form.Item>
            <Form.Item name="sampleData" valuePropName="checked"><Checkbox>{t('workspaces.sampleData')}</Checkbox></Form.Item>
          </>
        )}
        {dialog.kind === 'clone' && <Form.Item name="withData" valuePropName="checked"><Checkbox>{t('workspaces.withData')}</Checkbox></Form.Item>}
      </Form>
    </Modal>
  );
}
