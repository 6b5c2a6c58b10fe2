import { Alert, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Form } from '../api/documents.js';
import { useWorkspaceModel, type ModelObject, type WorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useLocale } from '../i18n/index.js';
import type { RecordRow } from '../records/use-records.js';
import { applyConditions } from './apply-conditions.js';
import { compileForm } from './compile-form.js';
import { useDefaultForm } from './use-default-form.js';
import { RecordDetails } from './record-details.js';
import { RecordEditor } from './record-editor.js';
import { relationTitles } from './relation-titles.js';
import { useFormRecord } from './use-form-record.js';

/** Props of the record form (view, edit or create one record of an object from its form design). */
export interface RecordFormProps {
  slug: string;
  object: string;
  /** The record to show or edit; absent to create one. */
  record?: RecordRow;
  /** Starts in edit mode (a new record always does). */
  editing?: boolean;
  /** Values a new record starts with (a related list's "new" sets the relation). */
  initialValues?: Record<string, unknown>;
  onSaved?: (record: RecordRow) => void;
  onCancel?: () => void;
}

function LoadedRecordForm({ slug, model, object, form, record, editing, initialValues, onSaved, onCancel }: Omit<RecordFormProps, 'object'> & {
  model: WorkspaceModel; object: ModelObject; form: Form;
}) {
  const locale = useLocale();
  const [viewing, setViewing] = useState(record !== undefined && !editing);
  // After a save the form shows the saved record (the page's own copy may come later).
  const [saved, setSaved] = useState<RecordRow>();
  const layout = useMemo(() => compileForm({ object, form, objects: model.objects, locale }), [object, form, model.objects, locale]);
  const loaded = useFormRecord(slug, object.name, layout, model.objects, saved ?? record);
  if (viewing && loaded.record) {
    // Related titles are a nicety here: without them (a deleted record cannot be read with
    // include=) the details show the ids, so only a pending read waits.
    if (!loaded.ready && !loaded.error) return <Spin />;
    const titles = relationTitles(object.fields, loaded.record, model.objects);
    return <RecordDetails compiled={layout} live={applyConditions(layout, loaded.record)} record={loaded.record} titles={titles} />;
  }
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.ready) return <Spin />;
  return (
    <RecordEditor
      key={String(loaded.record?.id ?? 'new')} slug={slug} object={object} objects={model.objects} form={form}
      record={loaded.record} initialValues={initialValues}
      onSaved={(next) => { setSaved(next); setViewing(true); onSaved?.(next); }}
      onCancel={() => { if (loaded.record) setViewing(true); onCancel?.(); }}
    />
  );
}

/**
 * A record in its object's form (the designed one, else the default): read-only details, or the
 * editor of an existing record (`editing`) or of a new one (no `record`).
 */
export function RecordForm(props: RecordFormProps) {
  const { t } = useTranslation();
  const model = useWorkspaceModel(props.slug);
  const object = model.data?.objects.find((candidate) => candidate.name === props.object);
  const fallback = useDefaultForm(object);
  if (model.error) return <ErrorAlert error={model.error} />;
  if (!model.data) return <Spin />;
  if (!object || !fallback) return <Alert type="warning" showIcon title={t('forms.record.noObject', { object: props.object })} />;
  const form = model.data.forms.find((candidate) => candidate.object === object.name) ?? fallback;
  return <LoadedRecordForm {...props} model={model.data} object={object} form={form} />;
}
