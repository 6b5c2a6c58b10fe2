import { App, Button, Card, Form, Input } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, setCsrfToken } from '../api/client.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';

interface Values { current: string; next: string; repeat: string }

/** POST /api/auth/password; the server then ends every session of the user, this one included. */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (values: Values) => api.post<unknown>('/api/auth/password', { current: values.current, next: values.next }, { redirectOn401: false }),
    onSuccess: () => {
      void message.success(t('account.passwordChanged'));
      setCsrfToken(undefined);
      client.clear();
      void navigate('/sign-in', { replace: true });
    },
  });
  return (
    <>
      <PageHeader title={t('account.changePassword')} />
      <Card style={{ maxWidth: 480 }}>
        <ErrorAlert error={change.error} />
        <Form<Values> layout="vertical" onFinish={(values) => change.mutate(values)}>
          <Form.Item name="current" label={t('account.currentPassword')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="next" label={t('account.newPassword')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeat" label={t('account.repeatPassword')} dependencies={['next']}
            rules={[
              { required: true, message: t('validation.required') },
              ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('next') ? Promise.resolve() : Promise.reject(new Error(t('account.passwordsDiffer')))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>{t('account.changePassword')}</Button>
        </Form>
      </Card>
    </>
  );
}
