import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, query, seg } from '../api/client.js';
import type { ListPage } from '../api/types.js';
import type { WorkspaceModel } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { RecordRow } from '../records/use-records.js';
import { titleFieldOf } from '../forms/record-title.js';
import { recordTitle } from './record-title.js';

/** The list API's largest page: more ids than this are shown as ids. */
const maxIds = 1000;

/**
 * Titles of related records by id, one list request per target object the caller may read (its
 * title field only). Ids of objects the caller cannot read, or not answered yet, are absent.
 */
export function useRelationTitles(slug: string, model: WorkspaceModel, ids: Map<string, string[]>): Record<string, string> {
  const { t } = useTranslation();
  const format = useFormat();
  const targets = [...ids].flatMap(([name, wanted]) => {
    const object = model.objects.find((candidate) => candidate.name === name);
    return object ? [{ object, wanted: wanted.slice(0, maxIds) }] : [];
  });
  const answers = useQueries({
    queries: targets.map(({ object, wanted }) => ({
      queryKey: ['records', slug, object.name, 'titles', wanted],
      queryFn: () => api.get<ListPage<RecordRow>>(`/api/w/${seg(slug)}/data/${seg(object.name)}${query({
        filter: JSON.stringify({ field: 'id', op: 'in', value: wanted }), limit: wanted.length,
        fields: ['id', titleFieldOf(object) ?? []].flat().join(','),
      })}`),
    })),
  });
  const titles: Record<string, string> = {};
  answers.forEach((answer, index) => {
    for (const row of answer.data?.data ?? []) titles[String(row.id)] = recordTitle(targets[index]!.object, row, format, t);
  });
  return titles;
}
