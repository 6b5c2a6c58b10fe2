import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/error-alert.js';

/** A member as GET /members lists it. */
export interface Member { userId: string; email: string; name: string; role: string; teams?: string[]; regions?: string[]; suspended?: boolean }

/** What the member form sends. */
export interface MemberValues { email: string; name: string; password?: string; role: string; teams?: string[]; regions?: string[] }

const builtInRoles = ['admin', 'manager', 'sales', 'service', 'read_only'];

/** Adds a member (email, name, optional password) or changes one's role, teams and regions. */
export function MemberForm({ member, roles, saving, error, onSave, onCancel }: {
  member: Member | undefined; roles: { value: string; label: string }[]; saving: boolean; error: unknown;
  onSave: (values: MemberValues) => void; onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MemberValues>();
  const roleOptions = roles.length > 0 ? roles : builtInRoles.map((name) => ({ value: name, label: t(`roles.builtIn.${name}`) }));
  const submit = (values: MemberValues) => onSave({ ...values, ...(values.password ? {} : { password: undefined }) });
  return (
    <Modal
      open title={member ? t('members.editTitle', { name: member.name || member.email }) : t('members.add')}
      okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onCancel} confirmLoading={saving} destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<MemberValues> form={form} layout="vertical" onFinish={submit} initialValues={member ?? { teams: [], regions: [] }}>
        {!member && (
          <>
            <Form.Item name="email" label={t('members.email')} rules={[{ required: true, type: 'email', message: t('validation.email') }]}><Input type="email" /></Form.Item>
            <Form.Item name="name" label={t('members.name')} rules={[{ required: true, message: t('validation.required') }]}><Input /></Form.Item>
            <Form.Item name="password" label={t('members.password')} extra={t('members.passwordHelp')}><Input.Password autoComplete="new-password" /></Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true, message: t('validation.required') }]}><Select options={roleOptions} /></Form.Item>
        <Form.Item name="teams" label={t('members.teams')}><Select mode="tags" tokenSeparators={[',']} open={false} /></Form.Item>
        <Form.Item name="regions" label={t('members.regions')}><Select mode="tags" tokenSeparators={[',']} open={false} /></Form.Item>
      </Form>
    </Modal>
  );
}
