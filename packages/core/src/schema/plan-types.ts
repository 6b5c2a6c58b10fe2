import type { Field, ObjectDefinition } from '../documents/index.js';

/** safe: no data at risk; checked: existing rows may violate, counted; destructive: data archived. */
export type StepClass = 'safe' | 'checked' | 'destructive';

/** What to do with rows that violate a tightened constraint or a type change. */
export type Conversion =
  | { onInvalid: 'set_null' }
  | { onInvalid: 'set_value'; value: string | number | boolean }
  | { onInvalid: 'truncate' };

/** Conversions keyed by `object.field` (names in the new blueprint). */
export type Conversions = Record<string, Conversion>;

/** The result of counting rows that a checked step would break. */
export interface StepCheck {
  rule: 'required' | 'unique' | 'type' | 'max_length' | 'range' | 'pattern' | 'options';
  /** SQL predicate (over the column) that is true for violating rows; not sent to clients. */
  predicate: string;
  violations: number;
  examples: { id: string; value: unknown }[];
  accepts: Conversion['onInvalid'][];
  conversion?: Conversion;
}

interface StepBase {
  class: StepClass;
  object: string;
  objectId: string;
  field?: string;
  fieldId?: string;
  /** Set by a dry run when the step would fail as it stands. */
  error?: string;
}

/** One step of a migration plan; plain data so that plans can be shown, stored and diffed. */
export type PlanStep = StepBase & (
  | { kind: 'create_object'; definition: ObjectDefinition }
  | { kind: 'rename_object'; from: string; to: string }
  /** `targetIds`: the object ids relation fields point at, by field id, kept with the archive. */
  | { kind: 'archive_object'; table: string; definition: ObjectDefinition; targetIds?: Record<string, string> }
  | { kind: 'restore_object'; archiveId: number; physicalName: string; definition: ObjectDefinition }
  | { kind: 'add_field'; table: string; after: Field; check?: StepCheck }
  | { kind: 'rename_field'; table: string; from: string; to: string }
  | { kind: 'archive_field'; table: string; column: string; before: Field; joinTable?: string; targetIds?: Record<string, string> }
  | { kind: 'restore_field'; table: string; archiveId: number; physicalName: string; after: Field; joinTable?: string }
  | { kind: 'alter_field'; table: string; before: Field; after: Field; checks: StepCheck[]; retype?: { using: string } }
  /** Encrypts a field's values in place and fills its blind index; `rows`: how many values (counted by the run). */
  | { kind: 'encrypt_field'; table: string; after: Field; rows?: number }
  /** Decrypts a field's values in place and drops its blind index; every value must decrypt. */
  | { kind: 'decrypt_field'; table: string; before: Field; rows?: number }
  | { kind: 'rename_join_table'; from: string; to: string }
  | { kind: 'create_join_table'; table: string; target: string }
  | { kind: 'drop_foreign_key'; table: string; constraint: string }
  | { kind: 'add_foreign_key'; table: string; column: string; constraint: string; target: string; onDelete: string }
  | { kind: 'drop_index'; index: string }
  | { kind: 'create_index'; table: string; index: string; columns: string[]; unique: boolean; check?: StepCheck }
  | { kind: 'create_sequence'; sequence: string }
);

/** A migration plan: steps in execution order, and whether it can be applied as it is. */
export interface MigrationPlan {
  fromVersion: number;
  steps: PlanStep[];
  /** True when no checked step has violations left without a conversion. */
  applicable: boolean;
  summary: Record<StepClass, number>;
}
