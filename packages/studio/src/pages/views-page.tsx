import { Alert, Card, Flex, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorsWithin } from '../api/api-error.js';
import { useBlueprint } from '../api/blueprint.js';
import type { Blueprint, View } from '../api/documents.js';
import { useBlueprintChange } from '../build/blueprint-change.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { NewViewButton } from '../view-editor/new-view-button.js';
import { newView, removeView, upsertView } from '../view-editor/view-draft.js';
import { ViewEditor } from '../view-editor/view-editor.js';
import { ViewList } from '../view-editor/view-list.js';

/** The view being edited: one of the blueprint's by id, or a new one of an object (?new=<object>). */
function chosenView(blueprint: Blueprint, id: string | undefined, newFor: string | null): { view: View; isNew: boolean } | undefined {
  if (id !== undefined) {
    const view = blueprint.views?.find((candidate) => candidate.id === id);
    return view && { view, isNew: false };
  }
  const object = blueprint.objects.find((candidate) => candidate.name === newFor);
  return object && { view: newView(object), isNew: true };
}

/** The blueprint's shared views by object; create, edit and delete them through the change review. */
export default function ViewsPage() {
  const { slug = '', view: viewId } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const blueprint = useBlueprint(slug);
  const change = useBlueprintChange(slug);
  // Which editor proposed last, and where its view sits in the proposed blueprint: a 422 belongs to that editor only.
  const [proposal, setProposal] = useState<{ editor: string; at: string }>();
  const base = `/w/${encodeURIComponent(slug)}/build/views`;
  const current = blueprint.data?.blueprint;
  if (!current) return blueprint.error ? <ErrorAlert error={blueprint.error} /> : <Spin />;
  const chosen = chosenView(current, viewId, params.get('new'));
  const editorKey = chosen && (chosen.isNew ? `new:${chosen.view.object}` : `edit:${chosen.view.id}`);
  const save = (view: View, originalId: string | undefined) => {
    const next = upsertView(current, view, originalId);
    setProposal({ editor: editorKey ?? '', at: `/views/${(next.views ?? []).findIndex((candidate) => candidate.id === view.id)}` });
    change.propose(next, {
      comment: t(originalId ? 'views.change.update' : 'views.change.create', { name: view.name }),
      onApplied: () => { if (view.id !== viewId) void navigate(`${base}/${encodeURIComponent(view.id)}`); },
    });
  };
  const remove = (view: View) => {
    setProposal(undefined);
    change.propose(removeView(current, view.id), { comment: t('views.change.delete', { name: view.name }), onApplied: () => void navigate(base) });
  };
  return (
    <>
      <PageHeader title={t('nav.views')} extra={<NewViewButton objects={current.objects} onPick={(object) => void navigate(`${base}?new=${encodeURIComponent(object)}`)} />} />
      {change.dialog}
      <Flex gap={16} align="start" wrap>
        <Card size="small" style={{ width: 280 }}>
          <ViewList blueprint={current} selected={viewId} base={base} />
        </Card>
        <div style={{ flex: 1, minWidth: 360 }}>
          {chosen ? (
            <ViewEditor
              key={editorKey} blueprint={current} initial={chosen.view} isNew={chosen.isNew}
              serverErrors={proposal && proposal.editor === editorKey ? errorsWithin(change.error, proposal.at) : []} pending={change.pending}
              onSave={(view) => save(view, chosen.isNew ? undefined : chosen.view.id)} onDelete={() => remove(chosen.view)}
            />
          ) : viewId !== undefined && blueprint.isFetching ? <Spin /> : (
            <Alert type={viewId === undefined ? 'info' : 'warning'} showIcon title={viewId === undefined ? t('views.page.pick') : t('views.page.notFound', { id: viewId })} />
          )}
        </div>
      </Flex>
    </>
  );
}
