import { Widgets } from '@rjsf/antd';
import { getDefaultRegistry } from '@rjsf/core';
import { getWidget, type RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { compileForm } from './compile-form.js';
import { widgetsFor } from './field-widgets.js';
import { customers, organizations } from './forms.fixture.js';
import { RelationPicker } from './relation-picker.js';

const registered = { ...getDefaultRegistry().widgets, ...Widgets, relation: RelationPicker };

describe('widget names', () => {
  it('every widget the designer offers, and every default, is one rjsf\'s antd theme draws for the field\'s schema', () => {
    for (const field of customers.fields) {
      for (const widget of [undefined, ...widgetsFor(field)]) {
        const form = { id: 'customers', object: 'customers', sections: [{ id: 's', title: { 'zh-CN': '分组', en: 'Section' }, fields: [{ field: field.name, ...(widget ? { widget } : {}) }] }] };
        const compiled = compileForm({ object: customers, form, objects: [customers, organizations], locale: 'en' });
        const schema = compiled.schema.properties![field.name] as RJSFSchema;
        const name = (compiled.uiSchema[field.name] as { 'ui:widget'?: string })['ui:widget'];
        if (name === undefined) continue;
        expect(() => getWidget(schema, name, registered), `${field.name} ${name}`).not.toThrow();
      }
    }
  });
});
