import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, type PointerError } from '../api/api-error.js';
import { errorText, pointerText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';
import { pointerField } from './field-errors.js';

/**
 * A failed save at the top of the form: the server's message in the user's language, how many
 * errors are marked at their fields, and the errors of fields the form does not show (by label).
 */
export function FormErrorAlert({ error, placed, others, labels }: {
  error: unknown; placed: number; others: readonly PointerError[]; labels: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  const where = (pointer: string) => {
    const field = pointerField(pointer);
    return field === undefined ? t('forms.record.wholeRecord') : labels[field] ?? field;
  };
  const description = (
    <>
      {placed > 0 && <div>{t('forms.record.fixMarked', { count: placed })}</div>}
      {others.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {others.map((entry, index) => <li key={index}>{where(entry.pointer)}{t('forms.record.colon')}{pointerText(entry, locale)}</li>)}
        </ul>
      )}
      {requestId && <div style={{ opacity: 0.6, fontSize: 12 }}>{t('errors.requestId', { id: requestId })}</div>}
    </>
  );
  return <Alert type="error" showIcon role="alert" title={errorText(error, locale, t)} description={description} style={{ marginBottom: 16 }} />;
}
