import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useSignIn } from '../api/session.js';
import { LanguageSwitch } from '../app/language-switch.js';
import { ErrorAlert } from '../components/error-alert.js';

function safeNext(next: string | null): string {
  // Only a path of this studio: never an absolute or protocol-relative address.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

/** Email and password; a wrong one shows the server's message in the current language. */
export default function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signIn = useSignIn();
  const submit = (values: { email: string; password: string }) =>
    signIn.mutate(values, { onSuccess: () => void navigate(safeNext(params.get('next')), { replace: true }) });
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('auth.signInTitle')}</Typography.Title>
          <LanguageSwitch />
        </Flex>
        <ErrorAlert error={signIn.error} />
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="email" label={t('auth.email')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input prefix={<MailOutlined aria-hidden />} type="email" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>{t('auth.signIn')}</Button>
        </Form>
      </Card>
    </Flex>
  );
}
