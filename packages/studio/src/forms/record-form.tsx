import type { RecordRow } from '../records/use-records.js';

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

/** Placeholder until the form renderer lands. */
export function RecordForm(_props: RecordFormProps) {
  return null;
}
