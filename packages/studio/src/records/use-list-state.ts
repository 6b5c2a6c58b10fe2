import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { changedListParams, readListState, type ListState } from './list-state.js';

/**
 * The list's state in the URL's search parameters, so a reload or a shared link shows the same
 * list: what it says, the parameters it could not read, and a change (an undefined part goes back
 * to the view's or the default).
 */
export function useListState() {
  const [params, setParams] = useSearchParams();
  const read = useMemo(() => readListState(params), [params]);
  const update = (change: Partial<ListState>) => setParams((current) => changedListParams(current, change));
  return { ...read, update };
}
