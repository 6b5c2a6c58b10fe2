import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { api, seg } from '../api/client.js';
import type { RecordRow } from '../records/use-records.js';
import type { FormValues } from './form-values.js';

/** Where a record editor saves. */
export interface SaveTarget {
  slug: string;
  object: string;
  /** Undefined for a new record. */
  id: string | undefined;
  /** The version the edit started from, sent with the PATCH. */
  version: unknown;
  onSaved: (record: RecordRow) => void;
}

/**
 * The save of a record editor: POST a new record, or PATCH the changes with the version they were
 * made on; remembers the data it sent, so that a field's error stands only while its value does.
 */
export function useRecordSave({ slug, object, id, version, onSaved }: SaveTarget) {
  const client = useQueryClient();
  const [submitted, setSubmitted] = useState<FormValues>();
  const path = `/api/w/${seg(slug)}/data/${seg(object)}`;
  const save = useMutation({
    mutationFn: (values: Record<string, unknown>) => (id === undefined
      ? api.post<{ data: RecordRow }>(path, values)
      : api.patch<{ data: RecordRow }>(`${path}/${seg(id)}`, { ...values, version })),
    onSuccess: ({ data: saved }) => {
      void client.invalidateQueries({ queryKey: ['record', slug, object, String(saved.id)] });
      onSaved(saved);
    },
  });
  const send = (values: Record<string, unknown>, data: FormValues) => {
    setSubmitted(data);
    save.mutate(values);
  };
  const conflict = save.error instanceof ApiError && save.error.code === 'VERSION_CONFLICT';
  return { save, send, submitted, conflict };
}
