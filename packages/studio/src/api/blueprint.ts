import { useQuery } from '@tanstack/react-query';
import { api, seg } from './client.js';
import type { Blueprint, Field, ObjectDefinition } from './documents.js';

/** safe: no data at risk; checked: existing rows may violate, counted; destructive: data archived. */
export type StepClass = 'safe' | 'checked' | 'destructive';

/** What to do with rows that break a tightened constraint or a type change. */
export type Conversion = { onInvalid: 'set_null' } | { onInvalid: 'set_value'; value: string | number | boolean } | { onInvalid: 'truncate' };

/** Conversions keyed by `object.field` (names in the new blueprint). */
export type Conversions = Record<string, Conversion>;

/** Rows a checked step would break: how many, a few examples, the conversions it accepts. */
export interface StepCheck {
  rule: 'required' | 'unique' | 'type' | 'max_length' | 'range' | 'pattern' | 'options';
  violations: number;
  examples: { id: string; value: unknown }[];
  accepts: Conversion['onInvalid'][];
  conversion?: Conversion;
}

/** One step of a migration plan as the server reports it (see packages/core/src/schema/plan-types.ts). */
export interface PlanStep {
  class: StepClass;
  kind: string;
  object: string;
  objectId: string;
  field?: string;
  fieldId?: string;
  /** Set by the dry run when the step would fail as it stands. */
  error?: string;
  from?: string;
  to?: string;
  before?: Field;
  after?: Field;
  definition?: ObjectDefinition;
  check?: StepCheck;
  checks?: StepCheck[];
  rows?: number;
}

/** A migration plan: steps in execution order, and whether it can be applied as it is. */
export interface MigrationPlan {
  fromVersion: number;
  steps: PlanStep[];
  applicable: boolean;
  summary: Record<StepClass, number>;
}

/** One applied version of the blueprint (newest first in the list). */
export interface BlueprintVersion {
  version: number;
  applied_by: string;
  /** Who applied it by name (else email); null for the engine. */
  applied_by_name: string | null;
  applied_at: string;
  comment: string | null;
  steps: PlanStep[];
}

/** A change to send: the whole next blueprint, conversions for checked steps, the version it was made from. */
export interface BlueprintChange {
  blueprint: Blueprint;
  conversions?: Conversions;
  expectedVersion?: number;
  comment?: string;
}

const base = (slug: string) => `/api/w/${seg(slug)}/blueprint`;

/** The query key of the applied blueprint: invalidate it (and the model) after an apply. */
export const blueprintKey = (slug: string) => ['blueprint', slug] as const;

/** The applied blueprint of a workspace and its version. */
export function useBlueprint(slug: string) {
  return useQuery({ queryKey: blueprintKey(slug), queryFn: () => api.get<{ version: number; blueprint: Blueprint }>(base(slug)) });
}

/** The blueprint API: dry-run plan, apply (409 MIGRATION_REFUSED carries the plan in `details.plan`), versions. */
export const blueprintApi = {
  plan: (slug: string, change: BlueprintChange) => api.post<{ plan: MigrationPlan }>(`${base(slug)}/plan`, change).then((answer) => answer.plan),
  apply: (slug: string, change: BlueprintChange) => api.post<{ version: number; plan: MigrationPlan }>(`${base(slug)}/apply`, change),
  versions: (slug: string) => api.get<{ data: BlueprintVersion[] }>(`${base(slug)}/versions`).then((answer) => answer.data),
  at: (slug: string, version: number) => api.get<{ version: number; blueprint: Blueprint }>(`${base(slug)}/versions/${version}`).then((answer) => answer.blueprint),
  planRestore: (slug: string, version: number, conversions?: Conversions) => api.post<{ plan: MigrationPlan }>(`${base(slug)}/versions/${version}/plan`, { conversions }).then((answer) => answer.plan),
  restore: (slug: string, version: number, conversions?: Conversions) => api.post<{ version: number; plan: MigrationPlan }>(`${base(slug)}/versions/${version}/restore`, { conversions }),
};
