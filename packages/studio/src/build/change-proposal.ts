import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error.js';
import { blueprintApi, type Conversions, type MigrationPlan } from '../api/blueprint.js';
import type { Blueprint } from '../api/documents.js';
import { sameJson } from './same-json.js';

/** What the review dialog reviews: how to plan it and how to apply it, both with the conversions chosen. */
export interface ChangeProposal {
  title: string;
  /** The next blueprint when the studio made it (a rollback's is the server's), to name what a 422 points at. */
  blueprint: Blueprint | undefined;
  /** False for a rollback: the server writes its comment. */
  commentable: boolean;
  /** The next blueprint is the applied one: nothing to apply (a change without steps, as a new field order, still is one). */
  unchanged: boolean;
  plan: (conversions: Conversions) => Promise<MigrationPlan>;
  apply: (conversions: Conversions, comment: string) => Promise<{ version: number }>;
}

/** A whole next blueprint, applied only if the workspace is still at `expectedVersion`. */
export function blueprintProposal(slug: string, next: Blueprint, current: { version: number; blueprint: Blueprint } | undefined, expectedVersion: number | undefined, t: TFunction): ChangeProposal {
  return {
    title: t('build.change.title'), blueprint: next, commentable: true,
    unchanged: current !== undefined && current.version === (expectedVersion ?? current.version) && sameJson(next, current.blueprint),
    plan: (conversions) => blueprintApi.plan(slug, { blueprint: next, conversions }),
    apply: (conversions, comment) => blueprintApi.apply(slug, {
      blueprint: next, conversions, ...(expectedVersion !== undefined ? { expectedVersion } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}),
    }),
  };
}

/** Going back to an applied version of the blueprint. */
export function restoreProposal(slug: string, version: number, t: TFunction): ChangeProposal {
  return {
    title: t('build.change.restoreTitle', { version }), blueprint: undefined, commentable: false, unchanged: false,
    plan: (conversions) => blueprintApi.planRestore(slug, version, conversions),
    apply: (conversions) => blueprintApi.restore(slug, version, conversions),
  };
}

/** The plan a refused apply (409 MIGRATION_REFUSED) carries, to show what still needs attention. */
export function refusedPlan(error: unknown): MigrationPlan | undefined {
  if (!(error instanceof ApiError) || error.code !== 'MIGRATION_REFUSED') return undefined;
  const plan = error.details.plan;
  return plan && typeof plan === 'object' && Array.isArray((plan as MigrationPlan).steps) ? (plan as MigrationPlan) : undefined;
}
