import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentCheck } from './check-document.js';

/** Why Apply is blocked (not JSON, or not valid against the schema), or that the text is ready. */
export function DocumentStatus({ check, dirty, found }: { check: DocumentCheck; dirty: boolean; found: boolean }) {
  const { t } = useTranslation();
  if (!found) return <Alert type="warning" showIcon role="alert" title={t('views.documents.missing')} />;
  if (check.status === 'syntax') {
    const { line, column, detail } = check.error;
    return <Alert type="error" showIcon role="alert" title={t('views.documents.syntaxBlock', { line, column })} description={detail} />;
  }
  if (check.status === 'invalid') return <Alert type="error" showIcon role="alert" title={t('views.documents.invalidBlock', { count: check.problems.length })} />;
  return <Typography.Text type={dirty ? 'success' : 'secondary'} role="status">{dirty ? t('views.documents.ready') : t('views.documents.unchanged')}</Typography.Text>;
}
