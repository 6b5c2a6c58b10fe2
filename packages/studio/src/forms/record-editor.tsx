import { App, Button, Flex } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import type { RecordRow } from '../records/use-records.js';
import { applyConditions } from './apply-conditions.js';
import { compileForm } from './compile-form.js';
import { ConflictDialog } from './conflict-dialog.js';
import { splitFieldErrors, standingErrors } from './field-errors.js';
import { FormErrorAlert } from './form-error-alert.js';
import { FormRenderer } from './form-renderer.js';
import { formStart, type FormStartState } from './form-start.js';
import { rebaseEdits, recordChanges, type FormValues } from './form-values.js';
import { KeptEditsAlert } from './kept-edits-alert.js';
import { useLatestRecord } from './use-latest-record.js';
import { useRecordSave } from './use-record-save.js';

/** What the editor of one record (or of a new one) works on. */
export interface RecordEditorProps {
  slug: string;
  object: ModelObject;
  objects: readonly ModelObject[];
  form: Form;
  /** The record to edit, its placed relations embedded; absent to create one. */
  record?: RecordRow;
  initialValues?: Record<string, unknown>;
  onSaved: (record: RecordRow) => void;
  onCancel: () => void;
}

/**
 * Edits or creates a record in its form: saves with POST, or PATCH of the changed fields with the
 * record's version; a 422 is shown at its fields and above the form; a 409 offers to reload or to
 * keep editing on the latest version. The typed data is state of its own: a failed save loses nothing.
 */
export function RecordEditor({ slug, object, objects, form, record, initialValues, onSaved, onCancel }: RecordEditorProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const format = useFormat();
  const { message } = App.useApp();
  const [start, setStart] = useState<FormStartState>(() => formStart(object, objects, record, initialValues));
  const [data, setData] = useState(start.data);
  const [badJson, setBadJson] = useState<string[]>([]);
  const [conflicts, setConflicts] = useState<string[]>();
  const compiled = useMemo(() => compileForm({ object, form, objects, locale, kept: start.kept }), [object, form, objects, locale, start.kept]);
  const live = useMemo(() => applyConditions(compiled, data), [compiled, data]);
  const id = record === undefined ? undefined : String(record.id);
  const { save, send, submitted, conflict } = useRecordSave({ slug, object: object.name, id, version: start.version, onSaved });
  const latest = useLatestRecord(slug, object.name, id, compiled, objects);
  const labels = Object.fromEntries(object.fields.map((field) => [field.name, format.label(field.label, field.name)]));
  // An error of a field its condition hides now cannot be marked there: the alert names it instead.
  const shown = new Set(Object.keys(compiled.fields).filter((name) => !live.hiddenFields.has(name)));
  const split = splitFieldErrors(save.error instanceof ApiError && !conflict ? save.error.errors : [], shown, locale);

  const submit = (formData: FormValues) => {
    const changes = recordChanges(object.fields, id === undefined ? undefined : start.data, formData);
    setBadJson(changes.badJson);
    if (changes.badJson.length > 0) return;
    if (id !== undefined && Object.keys(changes.values).length === 0) {
      void message.info(t('forms.record.nothingChanged'));
      onCancel();
      return;
    }
    setConflicts(undefined);
    send(changes.values, formData);
  };
  const recover = (keep: boolean) => latest.mutate(undefined, {
    onSuccess: (fresh) => {
      const next = formStart(object, objects, fresh);
      const rebased = keep ? rebaseEdits(object.fields, start.data, next.data, data) : { data: next.data, conflicts: undefined };
      setStart(next);
      setData(rebased.data);
      setConflicts(rebased.conflicts);
      save.reset();
    },
  });

  return (
    <>
      <FormErrorAlert error={conflict ? undefined : save.error} placed={Object.keys(split.errorSchema).length} others={split.others} labels={labels} />
      <KeptEditsAlert conflicts={conflicts} labels={labels} />
      <FormRenderer
        slug={slug} objects={objects} compiled={compiled} live={live} data={data} titles={start.titles} onChange={setData} onSubmit={submit}
        extraErrors={standingErrors(split.errorSchema, submitted, data, badJson, t('forms.record.badJson'))}
      >
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={save.isPending}>{id === undefined ? t('forms.record.create') : t('common.save')}</Button>
          <Button onClick={onCancel} disabled={save.isPending}>{t('common.cancel')}</Button>
        </Flex>
      </FormRenderer>
      <ConflictDialog open={conflict} busy={latest.isPending} onReload={() => recover(false)} onKeep={() => recover(true)}>
        <ErrorAlert error={latest.error} />
      </ConflictDialog>
    </>
  );
}
