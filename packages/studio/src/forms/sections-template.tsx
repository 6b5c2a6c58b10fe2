import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import type { FormContext } from './form-context.js';
import { SectionCard } from './section-card.js';

/**
 * The root ObjectFieldTemplate: instead of one list of properties, the form's sections as cards
 * with their grids. Hidden sections and fields are not drawn (the form keeps their values).
 */
export function SectionsTemplate({ properties, registry, errorSchema }: ObjectFieldTemplateProps) {
  const context = registry.formContext as FormContext;
  const byName = new Map(properties.map((property) => [property.name, property] as const));
  return (
    <>
      {context.sections.filter((section) => !context.hiddenSections.has(section.id)).map((section) => {
        const fields = section.fields.filter((field) => !context.hiddenFields.has(field.name) && byName.has(field.name));
        const items = fields.map((field) => ({ name: field.name, span: field.span, node: byName.get(field.name)!.content }));
        const hasErrors = fields.some((field) => errorSchema?.[field.name] !== undefined);
        return <SectionCard key={section.id} section={section} items={items} forceOpen={hasErrors} />;
      })}
    </>
  );
}
