import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { blueprintKey, useBlueprint, type Conversion, type Conversions, type MigrationPlan } from '../api/blueprint.js';
import type { Blueprint } from '../api/documents.js';
import { modelKey } from '../api/workspace-model.js';
import { useLocale } from '../i18n/index.js';
import { namesIn } from './blueprint-names.js';
import { ChangeDialog } from './change-dialog.js';
import { blueprintProposal, refusedPlan, restoreProposal, type ChangeProposal } from './change-proposal.js';

/** Options of a proposed change. */
export interface ProposeOptions {
  comment?: string;
  onApplied?: (version: number) => void;
  /** The version `next` was made from; by default the version of the blueprint loaded now. */
  expectedVersion?: number;
}

/** What the dialog holds between opening and closing: nothing typed or chosen here is lost when a request fails. */
interface Review {
  proposal: ChangeProposal;
  onApplied: ((version: number) => void) | undefined;
  plan: MigrationPlan | undefined;
  conversions: Conversions;
  comment: string;
  confirmed: boolean;
  error: unknown;
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
  /** Why the last plan or apply failed (a 422's pointers locate the inputs to fix), until the next proposal. */
  error: unknown;
} {
  const { t } = useTranslation();
  const locale = useLocale();
  const client = useQueryClient();
  const { message } = App.useApp();
  const current = useBlueprint(slug);
  const [review, setReview] = useState<Review>();
  const [open, setOpen] = useState(false);
  const update = (change: Partial<Review>) => setReview((before) => (before ? { ...before, ...change } : before));
  const planning = useMutation({ mutationFn: (input: { proposal: ChangeProposal; conversions: Conversions }) => input.proposal.plan(input.conversions) });
  const applying = useMutation({ mutationFn: (input: { proposal: ChangeProposal; conversions: Conversions; comment: string }) => input.proposal.apply(input.conversions, input.comment) });
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: blueprintKey(slug) }), client.invalidateQueries({ queryKey: modelKey(slug) })]);

  const replan = (proposal: ChangeProposal, conversions: Conversions) => {
    update({ error: undefined });
    // TanStack Query calls these only for the latest plan, so a slow earlier answer never wins.
    planning.mutate({ proposal, conversions }, { onSuccess: (plan) => update({ plan }), onError: (error) => update({ error }) });
  };
  const start = (proposal: ChangeProposal, onApplied: ((version: number) => void) | undefined, comment = '') => {
    setReview({ proposal, onApplied, plan: undefined, conversions: {}, comment, confirmed: false, error: undefined });
    setOpen(true);
    applying.reset();
    replan(proposal, {});
  };
  const apply = () => {
    if (!review) return;
    update({ error: undefined });
    applying.mutate({ proposal: review.proposal, conversions: review.conversions, comment: review.comment }, {
      onSuccess: ({ version }) => {
        void refresh();
        void message.success(t('build.change.applied', { version }));
        setOpen(false);
        review.onApplied?.(version);
      },
      onError: (error) => update({ error, ...(refusedPlan(error) ? { plan: refusedPlan(error) } : {}) }),
    });
  };
  const choose = (key: string, conversion: Conversion) => {
    if (!review) return;
    const conversions = { ...review.conversions, [key]: conversion };
    update({ conversions });
    replan(review.proposal, conversions);
  };
  const dialog = (
    <ChangeDialog
      open={open} title={review?.proposal.title ?? ''} unchanged={review?.proposal.unchanged ?? false} plan={review?.plan} planning={planning.isPending} applying={applying.isPending} error={review?.error}
      blueprint={review?.proposal.blueprint} names={namesIn([review?.proposal.blueprint, current.data?.blueprint], locale)}
      conversions={review?.conversions ?? {}} onConversion={choose}
      comment={review?.proposal.commentable ? review.comment : undefined} onComment={(comment) => update({ comment })}
      confirmed={review?.confirmed ?? false} onConfirm={(confirmed) => update({ confirmed })} onApply={apply} onCancel={() => setOpen(false)}
      onReload={() => { void refresh(); setOpen(false); }}
    />
  );
  return {
    propose: (next, options = {}) => start(blueprintProposal(slug, next, current.data, options.expectedVersion ?? current.data?.version, t), options.onApplied, options.comment),
    proposeRestore: (version, options = {}) => start(restoreProposal(slug, version, t), options.onApplied),
    dialog,
    pending: planning.isPending || applying.isPending,
    error: review?.error,
  };
}
