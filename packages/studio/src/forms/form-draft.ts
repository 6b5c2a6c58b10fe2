import type { Blueprint, Form, FormField, FormSection, LocalizedText } from '../api/documents.js';

/** Changes to a section's own settings; an undefined value removes the setting. */
export type SectionPatch = Partial<Omit<FormSection, 'id' | 'fields'>>;

/** Changes to a placed field's settings; an undefined value removes the setting. */
export type FieldPatch = Partial<Omit<FormField, 'field'>>;

/** Where a placed field sits. */
export interface FieldPlace {
  section: string;
  index: number;
}

function patched<T extends object>(value: T, patch: Partial<T>): T {
  const next = { ...value, ...patch };
  for (const [key, part] of Object.entries(patch)) if (part === undefined) delete next[key as keyof T];
  return next;
}

function mapSections(form: Form, change: (section: FormSection) => FormSection): Form {
  return { ...form, sections: form.sections.map(change) };
}

/** The names of the fields placed on the form. */
export function placedFields(form: Form): Set<string> {
  return new Set(form.sections.flatMap((section) => section.fields.map((entry) => entry.field)));
}

/** Where a field is placed, if it is. */
export function locateField(form: Form, name: string): FieldPlace | undefined {
  for (const section of form.sections) {
    const index = section.fields.findIndex((entry) => entry.field === name);
    if (index >= 0) return { section: section.id, index };
  }
  return undefined;
}

/** Takes a field off the form (back to the palette). */
export function removeField(form: Form, name: string): Form {
  return mapSections(form, (section) => ({ ...section, fields: section.fields.filter((entry) => entry.field !== name) }));
}

/**
 * Places a field in a section at an index, keeping its settings when it moves from another place
 * (an index as where the dragged field lands: the index of the field it is dropped on).
 */
export function moveField(form: Form, name: string, to: FieldPlace): Form {
  const from = locateField(form, name);
  const entry: FormField = from ? form.sections.find((section) => section.id === from.section)!.fields[from.index]! : { field: name };
  return mapSections(removeField(form, name), (section) => {
    if (section.id !== to.section) return section;
    const fields = section.fields.slice();
    fields.splice(Math.min(Math.max(to.index, 0), fields.length), 0, entry);
    return { ...section, fields };
  });
}

/** Changes a placed field's settings. */
export function updateField(form: Form, name: string, patch: FieldPatch): Form {
  return mapSections(form, (section) => ({ ...section, fields: section.fields.map((entry) => (entry.field === name ? patched<FormField>(entry, patch) : entry)) }));
}

/** A section id not used yet (section_1, section_2…). */
function freshSectionId(form: Form): string {
  const ids = new Set(form.sections.map((section) => section.id));
  let n = form.sections.length + 1;
  while (ids.has(`section_${n}`)) n += 1;
  return `section_${n}`;
}

/** Adds an empty section at the end. */
export function addSection(form: Form, title: LocalizedText): Form {
  return { ...form, sections: [...form.sections, { id: freshSectionId(form), title, columns: 2, fields: [] }] };
}

/** Removes a section; its fields go back to the palette. */
export function removeSection(form: Form, id: string): Form {
  return { ...form, sections: form.sections.filter((section) => section.id !== id) };
}

/** Moves a section one place up (-1) or down (1). */
export function moveSection(form: Form, id: string, delta: -1 | 1): Form {
  const index = form.sections.findIndex((section) => section.id === id);
  const target = index + delta;
  if (index < 0 || target < 0 || target >= form.sections.length) return form;
  const sections = form.sections.slice();
  [sections[index], sections[target]] = [sections[target]!, sections[index]!];
  return { ...form, sections };
}

/** Changes a section's title, columns, folding or visibleWhen. */
export function updateSection(form: Form, id: string, patch: SectionPatch): Form {
  return mapSections(form, (section) => (section.id === id ? patched<FormSection>(section, patch) : section));
}

/** The blueprint with this form as its object's form (replacing the one it had). */
export function withForm(blueprint: Blueprint, form: Form): Blueprint {
  const others = (blueprint.forms ?? []).filter((candidate) => candidate.object !== form.object);
  return { ...blueprint, forms: [...others, form] };
}

/** The blueprint without a form for the object: its records then show the default form. */
export function withoutForm(blueprint: Blueprint, object: string): Blueprint {
  const { forms, ...rest } = blueprint;
  const others = (forms ?? []).filter((candidate) => candidate.object !== object);
  return others.length > 0 ? { ...rest, forms: others } : rest;
}
