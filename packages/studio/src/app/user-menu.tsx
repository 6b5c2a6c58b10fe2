import { KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session.js';
import type { User } from '../api/types.js';
import { errorText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';

/** The user's name, with their account pages and sign-out. */
export function UserMenu({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { message } = App.useApp();
  const items = [
    { key: 'who', label: user.email, disabled: true },
    { type: 'divider' as const },
    { key: 'password', icon: <LockOutlined aria-hidden />, label: t('account.changePassword'), onClick: () => void navigate('/account/password') },
    { key: 'keys', icon: <KeyOutlined aria-hidden />, label: t('account.apiKeys'), onClick: () => void navigate('/account/api-keys') },
    { type: 'divider' as const },
    {
      key: 'sign-out', icon: <LogoutOutlined aria-hidden />, label: t('auth.signOut'),
      onClick: () => signOut.mutate(undefined, {
        onError: (error) => void message.error(errorText(error, locale, t)),
        onSettled: () => void navigate('/sign-in', { replace: true }),
      }),
    },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button type="text" aria-label={t('shell.userMenu')}>
        <Avatar size="small" icon={<UserOutlined aria-hidden />} /> {user.name || user.email}
      </Button>
    </Dropdown>
  );
}
