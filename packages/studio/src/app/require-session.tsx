import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { useSession } from '../api/session.js';
import { ErrorAlert } from '../components/error-alert.js';
import { signInPath } from './unauthorized-redirect.js';

/** Renders its routes once the session is known; nobody signed in goes to the sign-in page. */
export function RequireSession() {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <Spin size="large" fullscreen />;
  if (session.error instanceof ApiError && session.error.status === 401) {
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  }
  if (session.error) {
    return (
      <Result
        status="warning"
        title={t('session.unavailable')}
        extra={[
          <Button key="retry" type="primary" onClick={() => void session.refetch()}>{t('common.retry')}</Button>,
          <Link key="sign-in" to="/sign-in"><Button>{t('auth.signIn')}</Button></Link>,
        ]}
      >
        <ErrorAlert error={session.error} />
      </Result>
    );
  }
  return <Outlet />;
}
