import { requireFilterAccess, type AccessPolicy } from '../access/index.js';
import type { Filter, Form, FormField, FormSection } from '../documents/index.js';
import { isPermitted } from './is-permitted.js';

const conditionKeys = ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const;

/** The condition if the role may evaluate it (its values come from fields it reads), else nothing. */
function readableCondition(policy: AccessPolicy, objectName: string, filter: Filter | undefined): Filter | undefined {
  if (filter === undefined) return undefined;
  return isPermitted(() => requireFilterAccess(policy, objectName, filter)) ? filter : undefined;
}

function narrowField(policy: AccessPolicy, objectName: string, entry: FormField): FormField {
  const narrowed: FormField = { ...entry };
  for (const key of conditionKeys) {
    const condition = readableCondition(policy, objectName, entry[key]);
    if (condition === undefined) delete narrowed[key];
    else narrowed[key] = condition;
  }
  return narrowed;
}

/**
 * A form as one role may use it: fields it cannot read left out, sections left empty dropped,
 * conditions naming a field it cannot read dropped (the server still enforces every field's
 * access; a condition only arranges the form). Undefined when no section is left.
 */
export function narrowForm(form: Form, policy: AccessPolicy): Form | undefined {
  const object = policy.visible(form.object);
  if (!object) return undefined;
  const sections: FormSection[] = [];
  for (const section of form.sections) {
    const fields = section.fields.filter((entry) => object.readable.has(entry.field)).map((entry) => narrowField(policy, form.object, entry));
    if (fields.length === 0) continue;
    const { visibleWhen, ...rest } = section;
    const condition = readableCondition(policy, form.object, visibleWhen);
    sections.push({ ...rest, ...(condition ? { visibleWhen: condition } : {}), fields });
  }
  return sections.length > 0 ? { ...form, sections } : undefined;
}
