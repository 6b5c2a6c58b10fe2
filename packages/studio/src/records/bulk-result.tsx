import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { errorText, pointerText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';
import { rowErrors } from './bulk-records.js';
import type { BulkOutcome } from './use-bulk-actions.js';

/** The outcome of a bulk action: how many records it wrote, or why none were (each failing record named with its errors). */
export function BulkResult({ outcome, titleOf, onReload, onClose }: { outcome: BulkOutcome; titleOf: (id: string) => string; onReload: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!outcome.error) {
    const done = t(`list.bulk.done.${outcome.kind}`, { count: outcome.done });
    const skipped = outcome.skipped > 0 ? ` ${t('list.bulk.skipped', { count: outcome.skipped })}` : '';
    return <Alert type="success" showIcon role="status" closable={{ onClose, 'aria-label': t('list.bulk.dismiss') }} title={`${done}${skipped}`} style={{ marginBottom: 12 }} />;
  }
  const located = outcome.error instanceof ApiError ? rowErrors(outcome.error.errors, outcome.ids) : { rows: [], general: [] };
  // A refused bulk delete names the records it could not find (gone, or outside the caller's rows).
  const given = outcome.error instanceof ApiError ? outcome.error.details.missing : undefined;
  const missing = Array.isArray(given) ? given.map(String) : [];
  // A record changed or gone since the page was read: the list is stale, a reload shows what is there now.
  const stale = outcome.error instanceof ApiError && (outcome.error.status === 409 || outcome.error.status === 404);
  const description = (
    <>
      <div>{t('list.bulk.nothingWritten')}</div>
      {located.rows.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {located.rows.map((row) => (
            <li key={row.index}>{titleOf(row.id)}: {row.errors.map((error) => pointerText(error, locale)).join('; ')}</li>
          ))}
        </ul>
      )}
      {located.general.map((error, index) => <div key={index}>{pointerText(error, locale)}</div>)}
      {missing.length > 0 && <div>{t('list.bulk.missing', { records: missing.map(titleOf).join(', ') })}</div>}
    </>
  );
  return (
    <Alert
      type="error" showIcon role="alert" closable={{ onClose, 'aria-label': t('list.bulk.dismiss') }} title={errorText(outcome.error, locale, t)} description={description} style={{ marginBottom: 12 }}
      action={stale ? <Button size="small" onClick={onReload}>{t('list.reload')}</Button> : undefined}
    />
  );
}
