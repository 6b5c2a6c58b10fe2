import { api, query, seg } from '../api/client.js';
import type { DedupeRule, DedupeRun, DuplicatePage, DuplicatePair, Resolution } from './duplicate-types.js';

const base = (slug: string) => `/api/w/${seg(slug)}`;

/** Which pairs a page of the queue shows. */
export interface PairFilter {
  object: string;
  status: 'pending' | 'resolved';
  importId?: string | undefined;
  runId?: string | undefined;
  limit: number;
  offset: number;
}

/** The REST calls of the duplicates review queue and of dedupe runs. */
export const duplicateApi = {
  list: (slug: string, filter: PairFilter) => api.get<{ data: DuplicatePage }>(`${base(slug)}/duplicates${query({ ...filter })}`).then((answer) => answer.data),
  resolve: (slug: string, id: string, resolution: Resolution) => api.post<{ data: DuplicatePair }>(`${base(slug)}/duplicates/${seg(id)}/resolve`, resolution).then((answer) => answer.data),
  /** The plain personal values of an import row (the reveal action; audited). */
  reveal: (slug: string, id: string) => api.post<{ data: Record<string, unknown> }>(`${base(slug)}/duplicates/${seg(id)}/reveal`, {}).then((answer) => answer.data),
  startRun: (slug: string, object: string, rule: DedupeRule) => api.post<{ data: DedupeRun }>(`${base(slug)}/dedupe-runs`, { object, rule }).then((answer) => answer.data),
  runs: (slug: string, object: string) => api.get<{ data: DedupeRun[] }>(`${base(slug)}/dedupe-runs${query({ object })}`).then((answer) => answer.data),
  run: (slug: string, id: string) => api.get<{ data: DedupeRun }>(`${base(slug)}/dedupe-runs/${seg(id)}`).then((answer) => answer.data),
};
