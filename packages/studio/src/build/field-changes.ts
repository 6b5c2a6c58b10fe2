import type { TFunction } from 'i18next';
import type { Field } from '../api/documents.js';
import { sameJson } from './same-json.js';

const flags = ['required', 'unique', 'indexed', 'personal', 'encrypted'] as const;
const scalars = ['name', 'minLength', 'maxLength', 'min', 'max', 'pattern', 'precision', 'scale', 'currency'] as const;
const structured = ['label', 'help', 'default', 'options', 'relation', 'autonumber', 'computed'] as const;

function scalarChange(property: (typeof scalars)[number], before: Field, after: Field, t: TFunction): string | undefined {
  const from = before[property];
  const to = after[property];
  if (from === to) return undefined;
  const name = t(`build.prop.${property}`);
  if (from === undefined) return t('build.changes.set', { property: name, to: String(to) });
  if (to === undefined) return t('build.changes.unset', { property: name, from: String(from) });
  return t('build.changes.value', { property: name, from: String(from), to: String(to) });
}

/** What changed between two versions of a field, each change in words (type, flags, bounds, then the rest). */
export function fieldChanges(before: Field, after: Field, t: TFunction): string[] {
  const changes: string[] = [];
  if (before.type !== after.type) changes.push(t('build.changes.type', { from: t(`build.type.${before.type}`), to: t(`build.type.${after.type}`) }));
  for (const flag of flags) {
    if ((before[flag] === true) !== (after[flag] === true)) changes.push(t(after[flag] ? 'build.changes.on' : 'build.changes.off', { property: t(`build.prop.${flag}`) }));
  }
  for (const property of scalars) {
    const change = scalarChange(property, before, after, t);
    if (change) changes.push(change);
  }
  for (const property of structured) {
    if (!sameJson(before[property], after[property])) changes.push(t('build.changes.changed', { property: t(`build.prop.${property}`) }));
  }
  return changes;
}
