import type { Filter, Form, FormField, FormSection, LocalizedText } from '../api/documents.js';
import type { Filter as RuleFilter } from '../api/roles.js';
import { pruneFilter } from '../roles/role-document.js';

/** Something that stops a draft form from being saved: where (a JSON pointer in the form), what (a message key of the forms area). */
export interface DraftProblem {
  pointer: string;
  key: string;
  params?: Record<string, string>;
}

const maxText = 500;
const texts = ['placeholder', 'help'] as const;

function isBlank(text: LocalizedText | undefined): boolean {
  return !text || (!text['zh-CN']?.trim() && !text.en?.trim());
}

function textProblems(text: LocalizedText | undefined, pointer: string, optional: boolean): DraftProblem[] {
  if (optional && isBlank(text)) return [];
  const problems: DraftProblem[] = [];
  for (const locale of ['zh-CN', 'en'] as const) {
    const value = text?.[locale] ?? '';
    if (!value.trim()) problems.push({ pointer: `${pointer}/${locale}`, key: 'forms.problem.bothLanguages' });
    else if (value.length > maxText) problems.push({ pointer: `${pointer}/${locale}`, key: 'forms.problem.tooLong', params: { max: String(maxText) } });
  }
  return problems;
}

function sectionProblems(section: FormSection, at: string, fieldNames: ReadonlySet<string>): DraftProblem[] {
  const problems = textProblems(section.title, `${at}/title`, false);
  if (section.fields.length === 0) problems.push({ pointer: `${at}/fields`, key: 'forms.problem.emptySection' });
  section.fields.forEach((entry, index) => {
    const fieldAt = `${at}/fields/${index}`;
    if (!fieldNames.has(entry.field)) problems.push({ pointer: `${fieldAt}/field`, key: 'forms.problem.unknownField', params: { field: entry.field } });
    for (const key of texts) problems.push(...textProblems(entry[key], `${fieldAt}/${key}`, true));
  });
  return problems;
}

/**
 * What must be put right before a draft can be saved, each at its place: a section without a
 * title in both languages or without fields, a field the object no longer has, a placeholder or
 * help written in one language only. The engine checks the rest when the change is planned.
 */
export function draftProblems(form: Form, fieldNames: ReadonlySet<string>): DraftProblem[] {
  if (form.sections.length === 0) return [{ pointer: '/sections', key: 'forms.problem.noSections' }];
  return form.sections.flatMap((section, index) => sectionProblems(section, `/sections/${index}`, fieldNames));
}

/**
 * What the draft allows but staff will trip over, each at its place; saving stays possible. A
 * required field that a condition can hide (its own or its section's) leaves the record unsavable
 * whenever it is hidden and empty: the API refuses a missing required value, shown or not.
 */
export function draftWarnings(form: Form, required: ReadonlySet<string>): DraftProblem[] {
  return form.sections.flatMap((section, sectionIndex) => section.fields.flatMap((entry, index) => {
    const hidable = condition(entry.visibleWhen) !== undefined || condition(section.visibleWhen) !== undefined;
    return hidable && required.has(entry.field) ? [{ pointer: `/sections/${sectionIndex}/fields/${index}`, key: 'forms.warning.requiredHidden' }] : [];
  }));
}

function condition(filter: Filter | undefined): Filter | undefined {
  // The builder leaves empty groups while the user edits; the engine wants none.
  return pruneFilter(filter as RuleFilter | undefined) as Filter | undefined;
}

function savedField(entry: FormField): FormField {
  const saved: FormField = { field: entry.field };
  if (entry.widget !== undefined) saved.widget = entry.widget;
  if (entry.span !== undefined && entry.span > 1) saved.span = entry.span;
  for (const key of texts) if (!isBlank(entry[key])) saved[key] = entry[key];
  if (entry.readOnly) saved.readOnly = true;
  for (const key of ['visibleWhen', 'readOnlyWhen', 'requiredWhen'] as const) {
    const kept = condition(entry[key]);
    if (kept) saved[key] = kept;
  }
  return saved;
}

/** The draft as the blueprint stores it: blank texts, empty conditions and default settings left out. */
export function draftToSave(form: Form): Form {
  return {
    ...form,
    sections: form.sections.map((section) => {
      const saved: FormSection = { id: section.id, title: section.title, columns: section.columns ?? 2, fields: section.fields.map(savedField) };
      if (section.collapsed) saved.collapsed = true;
      const visibleWhen = condition(section.visibleWhen);
      if (visibleWhen) saved.visibleWhen = visibleWhen;
      return saved;
    }),
  };
}
