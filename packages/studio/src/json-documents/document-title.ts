import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';
import type { DocumentRef } from './document-ref.js';

/** Names a document of a blueprint in the current language: "整个蓝图", an object's or view's label, "表单：客户". */
export function useDocumentTitle(): (blueprint: Blueprint, ref: DocumentRef) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (blueprint, ref) => {
    if (ref.kind === 'blueprint') return t('views.documents.blueprint');
    if (ref.kind === 'object') {
      const object = blueprint.objects.find((candidate) => candidate.id === ref.id);
      return object ? `${format.label(object.label, object.name)} (${object.name})` : ref.id;
    }
    if (ref.kind === 'view') {
      const view = blueprint.views?.find((candidate) => candidate.id === ref.id);
      return view ? `${format.label(view.label, view.name)} (${view.name})` : ref.id;
    }
    const form = blueprint.forms?.find((candidate) => candidate.id === ref.id);
    const object = blueprint.objects.find((candidate) => candidate.name === form?.object);
    return t('views.documents.formOf', { object: object ? format.label(object.label, object.name) : (form?.object ?? ref.id), id: ref.id });
  };
}
