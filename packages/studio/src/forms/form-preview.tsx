import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { api, seg } from '../api/client.js';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { applyConditions } from './apply-conditions.js';
import { compileForm } from './compile-form.js';
import { splitFieldErrors, standingErrors } from './field-errors.js';
import { FormErrorAlert } from './form-error-alert.js';
import { FormRenderer } from './form-renderer.js';
import { recordChanges, type FormValues } from './form-values.js';

/**
 * The draft as users will see it, compiled exactly as the record form compiles it: type into it to
 * try its conditions, and Check sends the values to the API's validation (nothing is written), so
 * the messages shown are the API's own.
 */
export function FormPreview({ slug, object, objects, form }: { slug: string; object: ModelObject; objects: readonly ModelObject[]; form: Form }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormat();
  const [data, setData] = useState<FormValues>({});
  const [badJson, setBadJson] = useState<string[]>([]);
  const compiled = useMemo(() => compileForm({ object, form, objects, locale }), [object, form, objects, locale]);
  const live = useMemo(() => applyConditions(compiled, data), [compiled, data]);
  const check = useMutation({
    mutationFn: (record: Record<string, unknown>) => api.post<{ data: { valid: boolean } }>(`/api/w/${seg(slug)}/data/${seg(object.name)}/validate`, { record }),
  });
  // An error of a field its condition hides now cannot be marked there: the alert names it instead.
  const shown = new Set(Object.keys(compiled.fields).filter((name) => !live.hiddenFields.has(name)));
  const split = splitFieldErrors(check.error instanceof ApiError ? check.error.errors : [], shown, locale);
  const [sent, setSent] = useState<FormValues>();
  const extraErrors = standingErrors(split.errorSchema, sent, data, badJson, t('forms.record.badJson'));
  const labels = Object.fromEntries(object.fields.map((field) => [field.name, format.label(field.label, field.name)]));

  const submit = (formData: FormValues) => {
    const changes = recordChanges(object.fields, undefined, formData);
    setBadJson(changes.badJson);
    if (changes.badJson.length > 0) return;
    setSent(formData);
    check.mutate(changes.values);
  };
  const clear = () => {
    setData({});
    setBadJson([]);
    check.reset();
  };
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('forms.preview.title')}</Typography.Title>}>
      <section aria-label={t('forms.preview.title')}>
        <Typography.Paragraph type="secondary">{t('forms.preview.note')}</Typography.Paragraph>
        <FormErrorAlert error={check.error} placed={Object.keys(split.errorSchema).length} others={split.others} labels={labels} />
        {check.isSuccess && <Alert type="success" showIcon role="status" title={t('forms.preview.valid')} style={{ marginBottom: 16 }} />}
        {compiled.sections.length === 0 && <Typography.Paragraph type="secondary">{t('forms.preview.empty')}</Typography.Paragraph>}
        <FormRenderer slug={slug} objects={objects} compiled={compiled} live={live} data={data} onChange={(next) => { setData(next); if (check.isSuccess) check.reset(); }} onSubmit={submit} extraErrors={extraErrors}>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={check.isPending}>{t('forms.preview.check')}</Button>
            <Button onClick={clear}>{t('forms.preview.clear')}</Button>
          </Flex>
        </FormRenderer>
      </section>
    </Card>
  );
}
