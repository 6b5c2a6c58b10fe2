import { requireFilterAccess, requireSortAccess, type AccessPolicy } from '../access/index.js';
import { checkView, type View } from '../documents/index.js';
import { isPermitted } from './is-permitted.js';

/**
 * A view as one role may use it: the columns it cannot read left out; undefined when nothing is
 * left to show, when the view no longer fits the live blueprint (a field removed since it was
 * saved), or when its filter, sort or lanes need a field the role cannot read (dropping a
 * condition would silently widen the list, so the whole view goes).
 */
export function narrowView(view: View, policy: AccessPolicy): View | undefined {
  const object = policy.visible(view.object);
  if (!object) return undefined;
  const columns = view.columns.filter((column) => object.readable.has(column.field));
  if (columns.length === 0) return undefined;
  const narrowed: View = { ...view, columns };
  if (checkView(narrowed, policy.model.definitions, '').length > 0) return undefined;
  if (view.groupBy !== undefined && !object.readable.has(view.groupBy)) return undefined;
  const usable = isPermitted(() => {
    if (view.filter) requireFilterAccess(policy, view.object, view.filter);
    requireSortAccess(policy, view.object, (view.sort ?? []).map((key) => key.field));
  });
  return usable ? narrowed : undefined;
}
