import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { errorText, pointerText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';

/** A failed request shown in the current language: the server's message, its located errors and its request id. */
export function ErrorAlert({ error, showPointers = true }: { error: unknown; showPointers?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!error) return null;
  const located = showPointers && error instanceof ApiError ? error.errors : [];
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const description = located.length > 0 || requestId ? (
    <>
      {located.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {located.map((entry, index) => <li key={index}><code>{entry.pointer || '/'}</code> {pointerText(entry, locale)}</li>)}
        </ul>
      )}
      {requestId && <div style={{ opacity: 0.6, fontSize: 12 }}>{t('errors.requestId', { id: requestId })}</div>}
    </>
  ) : undefined;
  return <Alert type="error" showIcon role="alert" title={errorText(error, locale, t)} description={description} style={{ marginBottom: 16 }} />;
}
