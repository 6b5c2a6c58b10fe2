import { useState } from 'react';
import type { ModelObject } from '../api/workspace-model.js';
import type { Side } from './pair-fields.js';

/**
 * The plain personal values of each side of a comparison, once revealed. Personal values come
 * masked; a side revealed shows (and lets a merge keep) its plain values. `revealer` is the
 * handler of a side's reveal button, undefined when the role may not reveal or the side already is.
 */
export function useSideReveal(object: ModelObject) {
  const [revealed, setRevealed] = useState<Partial<Record<Side, Record<string, unknown>>>>({});
  const personal = (field: string) => object.fields.some((candidate) => candidate.name === field && candidate.personal);
  const masked = (field: string, side: Side) => !revealed[side] && personal(field);
  const revealer = (side: Side) => (object.actions.includes('reveal') && !revealed[side] && object.fields.some((field) => field.personal)
    ? (values: Record<string, unknown>) => setRevealed((before) => ({ ...before, [side]: values }))
    : undefined);
  return { revealed, masked, revealer };
}
