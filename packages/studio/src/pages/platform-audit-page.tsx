import { useTranslation } from 'react-i18next';
import { AuditView } from '../audit/audit-view.js';
import { PageHeader } from '../components/page-header.js';

/** The platform's audit log (sign-ins, users, workspaces), for platform admins. */
export default function PlatformAuditPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('nav.platformAudit')} />
      <AuditView path="/api/platform/audit" platform objects={[]} fieldLabel={(_, field) => field} />
    </>
  );
}
