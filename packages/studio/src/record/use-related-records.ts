import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, query, seg } from '../api/client.js';
import type { Filter } from '../api/documents.js';
import type { ListPage } from '../api/types.js';
import type { RecordRow } from '../records/use-records.js';
import { relationFilter } from './record-paths.js';

/** Which records of another object a block of a record page reads. */
export interface RelatedQuery {
  object: string;
  /** The many-to-one field of `object` pointing at the record. */
  field: string;
  /** The record's id. */
  id: string;
  limit: number;
  sort?: string;
  /** Narrows the records further (open tasks). */
  filter?: Filter;
}

/** The filter of a related block: the relation, and the block's own condition if any. */
export function relatedFilter(related: Pick<RelatedQuery, 'field' | 'id' | 'filter'>): Filter {
  const relation = relationFilter(related.field, related.id);
  return related.filter ? { and: [relation, related.filter] } : relation;
}

/**
 * The first records of `object` pointing at a record, with their total. The key starts with the
 * object's list key (['records', slug, object]) so a write there refreshes these blocks too.
 */
export function useRelatedRecords(slug: string, related: RelatedQuery) {
  return useQuery({
    queryKey: ['records', slug, related.object, 'related', related],
    placeholderData: keepPreviousData,
    queryFn: () => api.get<ListPage<RecordRow>>(`/api/w/${seg(slug)}/data/${seg(related.object)}${query({
      filter: JSON.stringify(relatedFilter(related)), limit: related.limit, sort: related.sort, count: true,
    })}`),
  });
}
