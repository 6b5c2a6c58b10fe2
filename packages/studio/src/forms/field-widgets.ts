import type { FormField } from '../api/documents.js';
import type { ModelField } from '../api/workspace-model.js';

/** A widget a form may ask for (schemas/form.schema.json). */
export type FormWidget = NonNullable<FormField['widget']>;

/** The parts of a field that decide its widgets. */
export type WidgetField = Pick<ModelField, 'type'>;

const numberTypes = ['integer', 'decimal', 'money', 'percent'];
// The engine's allowlist (packages/core/src/documents/form-widgets.ts), mirrored so the designer
// offers only what a blueprint may say; field-widgets.test.ts checks that both agree.
const typesByWidget: Record<FormWidget, readonly string[]> = {
  text: ['text', 'long_text', 'email', 'phone', 'url'],
  textarea: ['text', 'long_text'],
  select: ['single_select', 'multi_select'],
  radio: ['single_select'],
  checkboxes: ['multi_select'],
  checkbox: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
  updown: numberTypes,
  range: numberTypes,
  email: ['email'],
  url: ['url'],
};

/** Every widget, in the order the designer lists them. */
export const formWidgets = Object.keys(typesByWidget) as FormWidget[];

/** True when the widget can enter a value of the field's type. */
export function widgetSuits(widget: FormWidget, field: WidgetField): boolean {
  return typesByWidget[widget]?.includes(field.type) ?? false;
}

/** The widgets that suit a field (none for relations, json, autonumber and computed fields). */
export function widgetsFor(field: WidgetField): FormWidget[] {
  return formWidgets.filter((widget) => widgetSuits(widget, field));
}
