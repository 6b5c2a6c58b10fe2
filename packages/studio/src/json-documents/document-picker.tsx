import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../api/documents.js';
import { refKey, type DocumentRef } from './document-ref.js';
import { useDocumentTitle } from './document-title.js';

/** Chooses the document to edit: the whole blueprint, or one of its objects, views or forms. */
export function DocumentPicker({ blueprint, value, onChange }: { blueprint: Blueprint; value: DocumentRef; onChange: (ref: DocumentRef) => void }) {
  const { t } = useTranslation();
  const title = useDocumentTitle();
  const refs = new Map<string, DocumentRef>();
  const option = (ref: DocumentRef) => {
    refs.set(refKey(ref), ref);
    return { value: refKey(ref), label: title(blueprint, ref) };
  };
  const options = [
    option({ kind: 'blueprint' }),
    { label: t('views.documents.objects'), options: blueprint.objects.map((object) => option({ kind: 'object', id: object.id })) },
    { label: t('views.documents.views'), options: (blueprint.views ?? []).map((view) => option({ kind: 'view', id: view.id })) },
    { label: t('views.documents.forms'), options: (blueprint.forms ?? []).map((form) => option({ kind: 'form', id: form.id })) },
  ].filter((entry) => !('options' in entry) || entry.options.length > 0);
  return (
    <Select
      aria-label={t('views.documents.picker')} showSearch optionFilterProp="label" value={refKey(value)} options={options} style={{ minWidth: 320 }}
      onChange={(key: string) => onChange(refs.get(key) ?? { kind: 'blueprint' })}
    />
  );
}
