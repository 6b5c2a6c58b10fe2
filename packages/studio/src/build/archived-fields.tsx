import { Alert, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field } from '../api/documents.js';
import { ArchivedTable } from './archived-table.js';
import { restorable, type ArchiveEntry } from './use-archives.js';

/** The archived fields of one object that are not back in the draft, each with Restore (which adds it to the draft). */
export function ArchivedFields({ archives, objectId, present, disabled, onRestore }: {
  archives: ArchiveEntry[] | null | undefined; objectId: string; present: Field[]; disabled: boolean; onRestore: (field: Field) => void;
}) {
  const { t } = useTranslation();
  if (archives === undefined) return null;
  const fields = archives === null ? [] : restorable(archives, { objects: new Set([objectId]), fields: new Set(present.map((field) => `${objectId}:${field.id}`)) })
    .filter((entry) => entry.kind === 'field' && entry.object_id === objectId);
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('build.archives.fields')}</h3>} style={{ marginTop: 24 }}>
      {archives === null
        ? <Alert type="info" showIcon title={t('build.archives.unavailable')} />
        : <ArchivedTable entries={fields} disabled={disabled} onRestore={(entry) => onRestore(entry.definition as Field)} />}
    </Card>
  );
}
