import type { Field, FormField } from './generated-types.js';

/** A widget a form may ask for. */
export type FormWidget = NonNullable<FormField['widget']>;

const numberTypes: ReadonlyArray<Field['type']> = ['integer', 'decimal', 'money', 'percent'];

/** The field types each widget can enter a value of; relation, json, autonumber and computed take none. */
const typesByWidget: Record<FormWidget, ReadonlyArray<Field['type']>> = {
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

/** True when the widget can enter a value of the field's type. */
export function widgetSuits(widget: FormWidget, field: Field): boolean {
  return typesByWidget[widget].includes(field.type);
}
