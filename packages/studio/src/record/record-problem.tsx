import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { ErrorAlert } from '../components/error-alert.js';

/**
 * Why a record page shows no record: a 404 or 403 (the server's, or `status` when the object is
 * not in the caller's model) as a clear page with a way back, anything else as the server's error.
 */
export function RecordProblem({ error, status: known, creating = false, backTo, backLabel }: {
  error?: unknown; status?: 403 | 404; /** A 403 refuses creating, not reading. */ creating?: boolean; backTo: string; backLabel: string;
}) {
  const { t } = useTranslation();
  const status = known ?? (error instanceof ApiError ? error.status : undefined);
  if (status !== 404 && status !== 403) return <ErrorAlert error={error} />;
  const notFound = status === 404;
  const reason = notFound ? 'notFound' : creating ? 'createForbidden' : 'forbidden';
  return (
    <Result
      status={notFound ? '404' : '403'}
      title={<h2 style={{ fontSize: 20, margin: 0 }}>{t(`record.problem.${reason}Title`)}</h2>}
      subTitle={t(`record.problem.${reason}`)}
      extra={<Link to={backTo}>{backLabel}</Link>}
    />
  );
}
