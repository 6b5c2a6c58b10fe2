import type { Side } from '../duplicates/pair-fields.js';

const createdAt = (record: Record<string, unknown> | undefined) => (typeof record?.created_at === 'string' ? Date.parse(record.created_at) : Number.NaN);

/**
 * The side a merge keeps unless the person chooses: the older record, by `created_at` when both
 * have one (the one that has been linked to longest), else the first selected (left).
 */
export function olderSide(left: Record<string, unknown> | undefined, right: Record<string, unknown> | undefined): Side {
  const [first, second] = [createdAt(left), createdAt(right)];
  return !Number.isNaN(first) && !Number.isNaN(second) && second < first ? 'right' : 'left';
}
