import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSignedIn } from '../api/session.js';
import { useCurrentWorkspace } from './current-workspace.js';

/** The start page: the records of the current workspace, or a word when the user has none. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const slug = useCurrentWorkspace(session);
  if (slug) return <Navigate to={`/w/${encodeURIComponent(slug)}/records`} replace />;
  return (
    <Empty description={t('shell.noWorkspace')}>
      {session.user.platformAdmin && <Link to="/platform/workspaces">{t('nav.workspaces')}</Link>}
    </Empty>
  );
}
