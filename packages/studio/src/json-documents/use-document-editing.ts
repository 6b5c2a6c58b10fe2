import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorsWithin } from '../api/api-error.js';
import { useBlueprint } from '../api/blueprint.js';
import { useBlueprintChange } from '../build/blueprint-change.js';
import { useFormat } from '../i18n/format.js';
import { documentChange, formatText, importDocument, isDirty, isStale, openDocument, typeText, type DocumentEdit } from './document-edit.js';
import { documentPointer } from './blueprint-document.js';
import { parseRefKey, refKey, type DocumentRef } from './document-ref.js';
import { useDocumentTitle } from './document-title.js';
import type { ReadJsonFile } from './read-json-file.js';

/** A message above the editor about the last import: its key and values, worded in the language shown. */
export interface Notice { type: 'error' | 'info'; key: string; values: Record<string, string | number> }

/** What an imported file's reading says to the user. */
function importNotice(name: string, file: ReadJsonFile): Notice {
  if (file.status === 'tooLarge') return { type: 'error', key: 'views.documents.importTooLarge', values: { name, size: (file.size / 1024 / 1024).toFixed(1) } };
  if (file.status === 'unreadable') return { type: 'error', key: 'views.documents.importUnreadable', values: { name } };
  if (file.parsed.ok) return { type: 'info', key: 'views.documents.imported', values: { name } };
  const { line, column, detail } = file.parsed.error;
  return { type: 'error', key: 'views.documents.importSyntax', values: { name, line, column, detail } };
}

/** The ref to open after an apply: the edited document under the id it has now (an edit may change it). */
function refAfter(ref: DocumentRef, value: unknown): DocumentRef {
  const id = (value as { id?: unknown }).id;
  return ref.kind === 'blueprint' || typeof id !== 'string' ? ref : { ...ref, id };
}

/**
 * The JSON documents page's state: the open document (?doc= in the URL), what is typed, imports,
 * and Apply through the blueprint change review. Unapplied edits are never dropped without asking.
 */
export function useDocumentEditing(slug: string) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const blueprint = useBlueprint(slug);
  const change = useBlueprintChange(slug);
  const title = useDocumentTitle();
  const format = useFormat();
  const [edit, setEdit] = useState<DocumentEdit>();
  const [notice, setNotice] = useState<Notice>();
  // The text last proposed and where its document sat in the proposed blueprint: the server's errors are placed by it.
  const [proposed, setProposed] = useState<{ at: string; text: string }>();
  const applied = blueprint.data;
  const docParam = params.get('doc');
  // The first load, and a newer blueprint (applied elsewhere) for a document not typed in.
  useEffect(() => {
    if (applied && (!edit || isStale(edit, applied))) setEdit(openDocument(edit, applied, edit?.ref ?? parseRefKey(docParam)));
  }, [applied, edit, docParam]);
  const guard = (action: () => void) => {
    if (!isDirty(edit)) return action();
    modal.confirm({ title: t('views.documents.discard'), okText: t('views.documents.discardOk'), cancelText: t('common.cancel'), onOk: action });
  };
  const open = (ref: DocumentRef) => guard(() => {
    if (applied) setEdit(openDocument(edit, applied, ref));
    setParams(ref.kind === 'blueprint' ? {} : { doc: refKey(ref) }, { replace: true });
    setNotice(undefined);
  });
  const apply = () => {
    if (!applied || !edit) return;
    const next = documentChange(edit, applied);
    if (next.status === 'missing') setEdit({ ...edit, found: false });
    if (next.status !== 'ready') return;
    const comment = edit.importName ? t('views.documents.importComment', { name: edit.importName }) : t('views.documents.comment', { document: title(applied.blueprint, edit.ref) });
    const reopen = refAfter(edit.ref, next.value);
    const at = documentPointer(next.blueprint, reopen);
    setProposed(at === undefined ? undefined : { at, text: edit.text });
    change.propose(next.blueprint, {
      comment, expectedVersion: next.expectedVersion,
      onApplied: () => void blueprint.refetch().then(({ data }) => { if (data) setEdit((latest) => openDocument(latest, data, reopen)); }),
    });
  };
  const importFile = (name: string, file: ReadJsonFile) => {
    if (file.status !== 'read') return setNotice(importNotice(name, file));
    guard(() => {
      if (applied) setEdit(importDocument(edit, applied, name, file.text));
      setParams({}, { replace: true });
      setNotice(importNotice(name, file));
    });
  };
  // Shown in the text as long as it is the text the server refused.
  const serverProblems = useMemo(
    () => (proposed && edit?.text === proposed.text ? errorsWithin(change.error, proposed.at).map((entry) => ({ pointer: entry.pointer, message: format.label(entry.message) })) : []),
    [proposed, edit?.text, change.error, format],
  );
  return {
    blueprint, change, edit, notice, open, apply, importFile, serverProblems,
    closeNotice: () => setNotice(undefined),
    type: (text: string) => setEdit((latest) => latest && typeText(latest, text)),
    format: () => setEdit((latest) => latest && formatText(latest)),
    revert: () => guard(() => { if (applied && edit) setEdit(openDocument(edit, applied, edit.ref)); setNotice(undefined); }),
  };
}
