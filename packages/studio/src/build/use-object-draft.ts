import { useEffect, useMemo, useState } from 'react';
import type { Blueprint } from '../api/documents.js';
import { applyDraft, type DraftEdit } from './object-draft.js';

/**
 * The unsaved edits of one object and the blueprint they make from the applied one. The browser
 * asks before leaving the page while there are edits.
 */
export function useObjectDraft(blueprint: Blueprint, objectId: string) {
  const [edits, setEdits] = useState<DraftEdit[]>([]);
  const next = useMemo(() => applyDraft(blueprint, objectId, edits), [blueprint, objectId, edits]);
  useEffect(() => {
    if (edits.length === 0) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [edits.length]);
  return {
    edits,
    next,
    object: next.objects.find((object) => object.id === objectId),
    add: (edit: DraftEdit) => setEdits((before) => [...before, edit]),
    discard: () => setEdits([]),
  };
}
