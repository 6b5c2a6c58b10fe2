import type { InfiniteData } from '@tanstack/react-query';
import type { Filter, LocalizedText } from '../api/documents.js';
import type { ListPage } from '../api/types.js';
import type { ModelField } from '../api/workspace-model.js';
import type { RecordRow } from './use-records.js';

/** One lane of a kanban: an option of the group-by field, or the records without one. */
export interface Lane { key: string; value: string | null; label?: LocalizedText }

/** The loaded cards of a lane, as its infinite query holds them. */
export type LaneData = InfiniteData<ListPage<RecordRow>, string | undefined>;

/** The key of the lane of records without a value (option values are identifiers, never this). */
export const emptyLaneKey = '-';

/** The lanes of a single_select field: one per option in its order, then the empty one. */
export function kanbanLanes(field: ModelField): Lane[] {
  const lanes: Lane[] = (field.options ?? []).map((option) => ({ key: option.value, value: option.value, label: option.label }));
  return [...lanes, { key: emptyLaneKey, value: null }];
}

/** The filter of a lane's records. */
export function laneFilter(groupBy: string, value: string | null): Filter {
  return value === null ? { field: groupBy, op: 'is_null', value: true } : { field: groupBy, op: 'eq', value };
}

/** The lane a record sits in (an unknown option counts as empty). */
export function laneKeyOf(lanes: Lane[], value: unknown): string {
  return lanes.find((lane) => lane.value !== null && lane.value === value)?.key ?? emptyLaneKey;
}

function withTotal(page: ListPage<RecordRow>, change: number): ListPage<RecordRow>['page'] {
  return page.page?.total === undefined ? page.page : { ...page.page, total: Math.max(0, page.page.total + change) };
}

/** A lane's data without a card (its count one less). */
export function withoutCard(data: LaneData, id: string): LaneData {
  const had = data.pages.some((page) => page.data.some((row) => String(row.id) === id));
  if (!had) return data;
  return {
    ...data,
    pages: data.pages.map((page, index) => ({
      ...page,
      data: page.data.filter((row) => String(row.id) !== id),
      ...(index === 0 ? { page: withTotal(page, -1) } : {}),
    })),
  };
}

/** A lane's data with a card put first (its count one more), or the card replaced where it already is. */
export function withCard(data: LaneData, card: RecordRow): LaneData {
  const id = String(card.id);
  if (data.pages.some((page) => page.data.some((row) => String(row.id) === id))) {
    return { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map((row) => (String(row.id) === id ? card : row)) })) };
  }
  return { ...data, pages: data.pages.map((page, index) => (index === 0 ? { ...page, data: [card, ...page.data], page: withTotal(page, 1) } : page)) };
}
