import { useMemo, useState } from 'react';
import { useLeaveGuard } from '../components/use-leave-guard.js';
import type { Blueprint } from '../api/documents.js';
import { applyDraft, type DraftEdit } from './object-draft.js';

/**
 * The unsaved edits of one object and the blueprint they make from the applied one. Leaving the
 * page (a link of the studio, closing or reloading the tab) asks `leaveQuestion` first while there are edits.
 */
export function useObjectDraft(blueprint: Blueprint, objectId: string, leaveQuestion: string) {
  const [edits, setEdits] = useState<DraftEdit[]>([]);
  const next = useMemo(() => applyDraft(blueprint, objectId, edits), [blueprint, objectId, edits]);
  useLeaveGuard(edits.length > 0, leaveQuestion);
  return {
    edits,
    next,
    object: next.objects.find((object) => object.id === objectId),
    add: (edit: DraftEdit) => setEdits((before) => [...before, edit]),
    discard: () => setEdits([]),
  };
}
