import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, seg } from '../api/client.js';
import type { ModelField } from '../api/workspace-model.js';
import { editedRecords, taggedRecords, type BulkRecord } from './bulk-records.js';
import { fetchRecords, recordsKey, type RecordRow } from './use-records.js';

/** What a bulk action was. */
export type BulkKind = 'edit' | 'tag' | 'delete' | 'merge';

/** What a bulk action did: how many records it wrote (or skipped, already tagged; for a merge, the links it moved), or why it wrote none (all or nothing). */
export interface BulkOutcome { kind: BulkKind; ids: string[]; done: number; skipped: number; error?: unknown }

/** The count a bulk answer gives, at its top (`{ updated }`) or in `data` (`{ data: { deleted } }`); else the count asked for. */
function countOf(answer: unknown, key: 'updated' | 'deleted', fallback: number): number {
  const top = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
  const inner = typeof top.data === 'object' && top.data !== null ? (top.data as Record<string, unknown>) : {};
  const value = top[key] ?? inner[key];
  return typeof value === 'number' ? value : fallback;
}

/** What a merge answers: the links it moved to the survivor, per `object.field`. */
interface MergeAnswer { data: { relinked: Record<string, number> } }

/** How many links a merge moved, over every linking field. */
const movedLinks = (relinked: Record<string, number>) => Object.values(relinked).reduce((sum, count) => sum + count, 0);

/**
 * Bulk edit, tag and delete of selected records through the bulk endpoint, one request each (the
 * server writes all or nothing), and the merge of two of them. Tagging first reads the records'
 * current values, since writing a multi select or a many-to-many relation replaces it. The last
 * outcome stays until cleared.
 */
export function useBulkActions(slug: string, object: string) {
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<BulkOutcome>();
  const base = `/api/w/${seg(slug)}/data/${seg(object)}`;
  const path = `${base}/bulk`;
  const update = async (records: BulkRecord[]) => countOf(await api.post<unknown>(path, { mode: 'update', records }), 'updated', records.length);
  const mutation = useMutation({
    mutationFn: async ({ kind, rows, run }: { kind: BulkKind; rows: RecordRow[]; run: (sent: (ids: string[]) => void) => Promise<{ done: number; skipped: number }> }): Promise<BulkOutcome> => {
      // The ids in the order of the request's records, so that errors located at /records/<i> name the right row.
      let ids = rows.map((row) => String(row.id));
      try {
        const result = await run((sent) => { ids = sent; });
        return { kind, ids, done: result.done, skipped: result.skipped };
      } catch (error) {
        return { kind, ids, done: 0, skipped: 0, error };
      }
    },
    onSuccess: (result) => {
      setOutcome(result);
      // A merge moves links on other objects too (orders, interactions): their lists change as well.
      if (!result.error) void client.invalidateQueries({ queryKey: result.kind === 'merge' ? ['records', slug] : recordsKey(slug, object) });
    },
  });
  const edit = (rows: RecordRow[], field: string, value: unknown) => mutation.mutateAsync({
    kind: 'edit', rows, run: async () => ({ done: await update(editedRecords(rows, field, value)), skipped: 0 }),
  });
  const tag = (rows: RecordRow[], field: ModelField, value: string) => mutation.mutateAsync({
    kind: 'tag', rows, run: async (sent) => {
      const many = field.type === 'relation';
      const fresh = await fetchRecords(slug, object, {
        filter: JSON.stringify({ field: 'id', op: 'in', value: rows.map((row) => String(row.id)) }), limit: rows.length,
        fields: many ? 'id' : field.name, include: many ? field.name : undefined,
      });
      const records = taggedRecords(fresh.data, field, value);
      sent(records.map((record) => record.id));
      return { done: records.length > 0 ? await update(records) : 0, skipped: fresh.data.length - records.length };
    },
  });
  const remove = (rows: RecordRow[]) => mutation.mutateAsync({
    kind: 'delete', rows, run: async () => ({ done: countOf(await api.post<unknown>(path, { mode: 'delete', ids: rows.map((row) => String(row.id)) }), 'deleted', rows.length), skipped: 0 }),
  });
  /** Merges `loser` into `survivor` (both among `rows`), `values` kept per field; done counts the links moved. */
  const merge = (rows: RecordRow[], survivor: string, loser: string, values: Record<string, unknown>) => mutation.mutateAsync({
    kind: 'merge', rows, run: async (sent) => {
      sent([survivor, loser]);
      const answer = await api.post<MergeAnswer>(`${base}/merge`, { survivor, loser, ...(Object.keys(values).length > 0 ? { values } : {}) });
      return { done: movedLinks(answer.data.relinked), skipped: 0 };
    },
  });
  return { edit, tag, remove, merge, outcome, pending: mutation.isPending, clear: () => setOutcome(undefined) };
}
