import { useQuery } from '@tanstack/react-query';
import { api, seg } from '../api/client.js';
import type { Blueprint, Field, LocalizedText, ObjectDefinition } from '../api/documents.js';
import { isNotFound } from '../api/error-text.js';

/** An archived object or field: re-adding `definition` with the same id restores its data. */
export interface ArchiveEntry {
  id: number;
  kind: 'object' | 'field';
  object_id: string;
  field_id: string | null;
  name: string;
  label: LocalizedText;
  archived_at: string;
  archived_in_version: number;
  definition: ObjectDefinition | Field;
}

/** The query key of the archives: invalidated with the blueprint after an apply. */
export const archivesKey = (slug: string) => ['blueprint', slug, 'archives'] as const;

/**
 * The archived objects and fields of a workspace (newest first), or null when the server has no
 * archives endpoint yet: the pages then offer no restore rather than an error.
 */
export function useArchives(slug: string) {
  return useQuery({
    queryKey: archivesKey(slug),
    queryFn: async () => {
      try {
        return (await api.get<{ data: ArchiveEntry[] }>(`/api/w/${seg(slug)}/blueprint/archives`)).data;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
  });
}

/**
 * What can be restored: the newest archive of each object or field that is not back in the
 * blueprint (an id present again was restored or re-added).
 */
export function restorable(entries: readonly ArchiveEntry[], present: { objects: Set<string>; fields: Set<string> }): ArchiveEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.kind}:${entry.object_id}:${entry.field_id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return entry.kind === 'object' ? !present.objects.has(entry.object_id) : !present.fields.has(`${entry.object_id}:${entry.field_id}`);
  });
}

/** The ids of the objects and (`object:field`) fields in a blueprint, to tell what is archived from what is back. */
export function presentIds(blueprint: Blueprint): { objects: Set<string>; fields: Set<string> } {
  return {
    objects: new Set(blueprint.objects.map((object) => object.id)),
    fields: new Set(blueprint.objects.flatMap((object) => object.fields.map((field) => `${object.id}:${field.id}`))),
  };
}
