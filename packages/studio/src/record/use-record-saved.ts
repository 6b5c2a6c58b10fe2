import { useQueryClient } from '@tanstack/react-query';
import type { RecordRow } from '../records/use-records.js';
import type { LoadedRecord } from './fetch-record.js';
import { recordKey } from './use-record.js';

/** What to do with the answer of an edit: show it at once and refresh what shows the record elsewhere (lists, includes, history). */
export function useRecordSaved(slug: string, object: string, id: string): (saved: RecordRow) => void {
  const client = useQueryClient();
  return (saved) => {
    client.setQueryData<LoadedRecord>(recordKey(slug, object, id), { record: saved, trashed: false });
    void client.invalidateQueries({ queryKey: [...recordKey(slug, object, id), 'include'] });
    void client.invalidateQueries({ queryKey: ['records', slug, object] });
    void client.invalidateQueries({ queryKey: ['record-history', slug, object, id] });
  };
}
