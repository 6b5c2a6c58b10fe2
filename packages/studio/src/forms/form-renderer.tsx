import Form from '@rjsf/antd';
import type { ErrorSchema, RegistryWidgetsType } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import type { LiveForm } from './apply-conditions.js';
import type { CompiledForm } from './compile-form.js';
import type { FieldErrors } from './field-errors.js';
import type { FormContext } from './form-context.js';
import type { FormValues } from './form-values.js';
import { localizeErrors } from './localize-errors.js';
import { RelationPicker } from './relation-picker.js';
import { SectionsTemplate } from './sections-template.js';

const widgets: RegistryWidgetsType = { relation: RelationPicker };
const templates = { ObjectFieldTemplate: SectionsTemplate };
// The form's data is the record's: rjsf must not invent values (the first option of a select, an
// empty list) that a save would then write.
const noDefaults = { constAsDefaults: 'never', emptyObjectFields: 'skipDefaults' } as const;

/** What the form renderer draws and where its data goes. */
export interface FormRendererProps {
  slug: string;
  objects: readonly ModelObject[];
  compiled: CompiledForm;
  /** The compiled form with its conditions evaluated on `data`. */
  live: LiveForm;
  data: FormValues;
  onChange: (data: FormValues) => void;
  /** Called with the data once the form's own check passes (shape, required, requiredWhen). */
  onSubmit: (data: FormValues) => void;
  /** Errors the server located, under their fields. */
  extraErrors?: FieldErrors;
  /** Titles of related records already known, by id. */
  titles?: Readonly<Record<string, string>>;
  /** The buttons: a submit button submits the form. */
  children: ReactNode;
}

/**
 * A record form drawn by react-jsonschema-form (antd theme) from a compiled form: sections as
 * cards, relation pickers, the form's own check in the user's language. The data is the caller's
 * state, so nothing typed is lost whatever happens to a save.
 */
export function FormRenderer({ slug, objects, compiled, live, data, onChange, onSubmit, extraErrors, titles = {}, children }: FormRendererProps) {
  const { t } = useTranslation();
  // Two forms on a page (a record and a related record being created) must not share input ids.
  const idPrefix = `form${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const context: FormContext = { slug, objects, titles, sections: compiled.sections, hiddenSections: live.hiddenSections, hiddenFields: live.hiddenFields };
  return (
    <Form
      schema={live.schema} uiSchema={live.uiSchema} formData={data} validator={validator} formContext={context} idPrefix={idPrefix}
      widgets={widgets} templates={templates} extraErrors={extraErrors as ErrorSchema | undefined} experimental_defaultFormStateBehavior={noDefaults}
      onChange={(event) => onChange((event.formData ?? {}) as FormValues)}
      onSubmit={(event) => onSubmit((event.formData ?? {}) as FormValues)}
      transformErrors={(errors) => localizeErrors(errors, t)}
      // The errors are shown at their fields; rjsf's default would log them to the console.
      onError={() => undefined}
      // rjsf's default deep comparison of props missed a change of the buttons alone (a save
      // button left spinning after a refused save): the form is small, render it every time.
      showErrorList={false} noHtml5Validate focusOnFirstError experimental_componentUpdateStrategy="always"
    >
      {children}
    </Form>
  );
}
