import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { defaultForm } from './default-form.js';

/** The default form of an object, its one section titled in both languages. */
export function useDefaultForm(object: ModelObject | undefined): Form | undefined {
  const { t } = useTranslation();
  return useMemo(
    () => object && defaultForm(object, { 'zh-CN': t('forms.defaultSection', { lng: 'zh-CN' }), en: t('forms.defaultSection', { lng: 'en' }) }),
    [object, t],
  );
}
