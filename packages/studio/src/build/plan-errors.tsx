import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { pointerText as messageText } from '../api/error-text.js';
import type { Blueprint } from '../api/documents.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useLocale } from '../i18n/index.js';
import { pointerText } from './pointer-words.js';

/** A 422 of the plan: each error under the place in the blueprint it points at, named in words. */
function InvalidBlueprint({ error, blueprint }: { error: ApiError; blueprint: Blueprint | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('build.change.invalid', { count: error.errors.length })} description={
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {error.errors.map((entry, index) => (
          <li key={index}>
            <strong>{pointerText(entry.pointer, blueprint, t, locale)}</strong>{'：'}{messageText(entry, locale)}
            {' '}<code style={{ opacity: 0.6, fontSize: 12 }}>{entry.pointer}</code>
          </li>
        ))}
      </ul>
    } />
  );
}

/** Why a plan or an apply failed: an invalid blueprint in words, a conflict with a reload, else the server's message. */
export function PlanErrors({ error, blueprint, onReload }: { error: unknown; blueprint: Blueprint | undefined; onReload: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.errors.length > 0) return <InvalidBlueprint error={error} blueprint={blueprint} />;
  if (error instanceof ApiError && error.code === 'BLUEPRINT_CONFLICT') {
    return <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('build.change.conflict')} action={<Button size="small" onClick={onReload}>{t('build.change.reload')}</Button>} />;
  }
  if (error instanceof ApiError && error.code === 'MIGRATION_REFUSED') return <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={t('build.change.refused')} />;
  return <ErrorAlert error={error} />;
}
