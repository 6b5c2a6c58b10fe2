import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** After "keep editing" on a conflict: the edits are kept on the latest version; fields both sides changed are named. */
export function KeptEditsAlert({ conflicts, labels }: { conflicts: string[] | undefined; labels: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  if (!conflicts) return null;
  const title = conflicts.length > 0
    ? t('forms.conflict.keptOverlap', { fields: conflicts.map((name) => labels[name] ?? name).join(t('forms.record.listSeparator')) })
    : t('forms.conflict.kept');
  return <Alert type="info" showIcon closable style={{ marginBottom: 16 }} title={title} />;
}
