import { useMutation } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { ModelObject } from '../api/workspace-model.js';
import type { RecordRow } from '../records/use-records.js';
import type { CompiledForm } from './compile-form.js';
import { includedRelations } from './use-form-record.js';

/** Reads a record's latest version as its form needs it (placed relations embedded), on demand: after a version conflict. */
export function useLatestRecord(slug: string, object: string, id: string | undefined, compiled: CompiledForm, objects: readonly ModelObject[]) {
  return useMutation({
    mutationFn: async () => {
      const include = includedRelations(compiled, objects);
      const params = query({ include: include.length > 0 ? include.join(',') : undefined });
      return (await api.get<{ data: RecordRow }>(`/api/w/${seg(slug)}/data/${seg(object)}/${seg(id ?? '')}${params}`)).data;
    },
  });
}
