import { Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';

/** A user of the platform. */
export interface PlatformUser { id: string; email: string; name: string; platformAdmin: boolean; suspended: boolean; createdAt?: string }

/** What the user dialogs send. */
export interface UserValues { email?: string; name?: string; password?: string; platformAdmin?: boolean }

/** Which user dialog is open. */
export type UserDialog = { kind: 'create' } | { kind: 'rename'; user: PlatformUser } | { kind: 'password'; user: PlatformUser };

/** Creates a user, renames one, or sets a new password (which ends the user's sessions). */
export function UserDialogForm({ dialog, saving, error, onSave, onCancel }: {
  dialog: UserDialog; saving: boolean; error: unknown; onSave: (values: UserValues) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UserValues>();
  const title = dialog.kind === 'create' ? t('users.create') : dialog.kind === 'rename' ? t('users.renameTitle', { email: dialog.user.email }) : t('users.passwordTitle', { email: dialog.user.email });
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden>
      <ErrorAlert error={error} />
      <Form<UserValues> form={form} layout="vertical" onFinish={onSave} initialValues={dialog.kind === 'rename' ? { name: dialog.user.name } : { platformAdmin: false }}>
        {dialog.kind === 'create' && <Form.Item name="email" label={t('members.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}><Input type="email" /></Form.Item>}
        {dialog.kind !== 'password' && <Form.Item name="name" label={t('members.name')} rules={[{ required: true, message: t('validation.required') }]}><Input /></Form.Item>}
        {dialog.kind !== 'rename' && (
          <Form.Item name="password" label={t('auth.password')} extra={dialog.kind === 'create' ? t('members.passwordHelp') : t('users.passwordHelp')} rules={dialog.kind === 'password' ? [{ required: true, message: t('validation.required') }] : []}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {dialog.kind === 'create' && <Form.Item name="platformAdmin" valuePropName="checked"><Checkbox>{t('users.platformAdmin')}</Checkbox></Form.Item>}
      </Form>
    </Modal>
  );
}
