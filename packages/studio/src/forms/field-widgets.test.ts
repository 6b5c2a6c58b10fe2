import { describe, expect, it } from 'vitest';
import { widgetSuits as engineSuits } from '../../../core/src/documents/form-widgets.js';
import type { Field } from '../api/documents.js';
import { formWidgets, widgetSuits, widgetsFor } from './field-widgets.js';

const types: Field['type'][] = [
  'text', 'long_text', 'integer', 'decimal', 'money', 'percent', 'boolean', 'date', 'datetime', 'single_select', 'multi_select',
  'email', 'phone', 'url', 'json', 'relation', 'autonumber', 'computed',
];

describe('widgets per field type', () => {
  it.each(types)('allows on %s exactly the widgets the engine accepts', (type) => {
    const field = { id: type, name: type, type, label: { 'zh-CN': '字段', en: 'Field' } } as Field;
    for (const widget of formWidgets) expect([widget, widgetSuits(widget, field)]).toEqual([widget, engineSuits(widget, field)]);
  });

  it('offers none for the types entered by their own widget', () => {
    expect(widgetsFor({ type: 'relation' })).toEqual([]);
    expect(widgetsFor({ type: 'json' })).toEqual([]);
    expect(widgetsFor({ type: 'single_select' })).toEqual(['select', 'radio']);
  });
});
