import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.js';
import { blueprintApi, blueprintKey, useBlueprint, type Conversion, type Conversions, type MigrationPlan } from '../api/blueprint.js';
import type { Blueprint } from '../api/documents.js';
import { modelKey } from '../api/workspace-model.js';
import { useLocale } from '../i18n/index.js';
import { namesIn } from './blueprint-names.js';
import { ChangeDialog } from './change-dialog.js';

/** What is being reviewed: how to plan it and how to apply it, both with the conversions chosen. */
interface Proposal {
  title: string;
  /** The next blueprint when it is known here (a rollback's is the server's), to name things. */
  blueprint: Blueprint | undefined;
  /** False for a rollback: the server writes its comment. */
  commentable: boolean;
  plan: (conversions: Conversions) => Promise<MigrationPlan>;
  apply: (conversions: Conversions, comment: string) => Promise<{ version: number }>;
  onApplied: ((version: number) => void) | undefined;
}

/** Options of a proposed change. */
export interface ProposeOptions {
  comment?: string;
  onApplied?: (version: number) => void;
  /** The version `next` was made from; by default the version of the blueprint loaded now. */
  expectedVersion?: number;
}

/** The plan a refused apply (409 MIGRATION_REFUSED) carries, to show what still needs attention. */
function refusedPlan(error: unknown): MigrationPlan | undefined {
  if (!(error instanceof ApiError) || error.code !== 'MIGRATION_REFUSED') return undefined;
  const plan = error.details.plan;
  return plan && typeof plan === 'object' && Array.isArray((plan as MigrationPlan).steps) ? (plan as MigrationPlan) : undefined;
}

/** Plan → preview → apply of a whole next blueprint, as a dialog. */
export function useBlueprintChange(slug: string): {
  /** Plans `next` (dry run) and opens the review dialog; Apply sends it with expectedVersion; on success invalidates blueprintKey(slug) and modelKey(slug) and calls onApplied. */
  propose(next: Blueprint, options?: ProposeOptions): void;
  /** Plans going back to an applied version and opens the same dialog; Apply restores it. */
  proposeRestore(version: number, options?: { onApplied?: (version: number) => void }): void;
  /** Render this element once in the page. */
  dialog: ReactNode;
  /** A plan or apply is in flight. */
  pending: boolean;
  /** Why the last plan or apply failed (a 422's pointers are into the proposed blueprint), for pages that show errors at their inputs. */
  error: unknown;
} {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const { message } = App.useApp();
  const current = useBlueprint(slug);
  const [proposal, setProposal] = useState<Proposal>();
  const [open, setOpen] = useState(false);
  const [plan, setPlan] = useState<MigrationPlan>();
  const [conversions, setConversions] = useState<Conversions>({});
  const [comment, setComment] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>();
  const planning = useMutation({ mutationFn: (input: { proposal: Proposal; conversions: Conversions }) => input.proposal.plan(input.conversions) });
  const applying = useMutation({ mutationFn: (input: { proposal: Proposal; conversions: Conversions; comment: string }) => input.proposal.apply(input.conversions, input.comment) });

  const replan = (target: Proposal, next: Conversions) => {
    setError(undefined);
    // TanStack Query calls these only for the latest plan, so a slow earlier answer never wins.
    planning.mutate({ proposal: target, conversions: next }, { onSuccess: setPlan, onError: setError });
  };
  const start = (next: Proposal, initialComment: string) => {
    setProposal(next);
    setPlan(undefined);
    setConversions({});
    setComment(initialComment);
    setConfirmed(false);
    setOpen(true);
    applying.reset();
    replan(next, {});
  };
  const propose = (next: Blueprint, options: ProposeOptions = {}) => {
    const expectedVersion = options.expectedVersion ?? current.data?.version;
    start({
      title: t('build.change.title'), blueprint: next, commentable: true, onApplied: options.onApplied,
      plan: (chosen) => blueprintApi.plan(slug, { blueprint: next, conversions: chosen }),
      apply: (chosen, note) => blueprintApi.apply(slug, { blueprint: next, conversions: chosen, expectedVersion, ...(note.trim() ? { comment: note.trim() } : {}) }),
    }, options.comment ?? '');
  };
  const proposeRestore = (version: number, options: { onApplied?: (version: number) => void } = {}) => {
    start({
      title: t('build.change.restoreTitle', { version }), blueprint: undefined, commentable: false, onApplied: options.onApplied,
      plan: (chosen) => blueprintApi.planRestore(slug, version, chosen),
      apply: (chosen) => blueprintApi.restore(slug, version, chosen),
    }, '');
  };
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: blueprintKey(slug) }), client.invalidateQueries({ queryKey: modelKey(slug) })]);
  const apply = () => {
    if (!proposal) return;
    setError(undefined);
    applying.mutate({ proposal, conversions, comment }, {
      onSuccess: ({ version }) => {
        void refresh();
        void message.success(t('build.change.applied', { version }));
        setOpen(false);
        proposal.onApplied?.(version);
      },
      onError: (failure) => {
        setError(failure);
        const refused = refusedPlan(failure);
        if (refused) setPlan(refused);
      },
    });
  };
  const choose = (key: string, conversion: Conversion) => {
    if (!proposal) return;
    const next = { ...conversions, [key]: conversion };
    setConversions(next);
    replan(proposal, next);
  };
  const dialog = (
    <ChangeDialog
      open={open} title={proposal?.title ?? ''} plan={plan} planning={planning.isPending} applying={applying.isPending} error={error}
      blueprint={proposal?.blueprint} names={namesIn([proposal?.blueprint, current.data?.blueprint], locale)}
      conversions={conversions} onConversion={choose}
      comment={proposal?.commentable ? comment : undefined} onComment={setComment}
      confirmed={confirmed} onConfirm={setConfirmed} onApply={apply} onCancel={() => setOpen(false)}
      onReload={() => { void refresh(); setOpen(false); }}
    />
  );
  return { propose, proposeRestore, dialog, pending: planning.isPending || applying.isPending, error };
}
