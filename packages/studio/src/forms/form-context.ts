import type { ModelObject } from '../api/workspace-model.js';
import type { LaidOutSection } from './compile-form.js';

/** What the form's templates and widgets read from react-jsonschema-form's formContext. */
export interface FormContext {
  slug: string;
  /** Every object the caller sees (a relation picker searches its target). */
  objects: readonly ModelObject[];
  /** Titles of related records already known (embedded by `include=`), by id. */
  titles: Readonly<Record<string, string>>;
  sections: readonly LaidOutSection[];
  hiddenSections: ReadonlySet<string>;
  hiddenFields: ReadonlySet<string>;
}
