import blueprint from '../../../../schemas/blueprint.schema.json' with { type: 'json' };
import common from '../../../../schemas/common.schema.json' with { type: 'json' };
import field from '../../../../schemas/field.schema.json' with { type: 'json' };
import filter from '../../../../schemas/filter.schema.json' with { type: 'json' };
import form from '../../../../schemas/form.schema.json' with { type: 'json' };
import object from '../../../../schemas/object.schema.json' with { type: 'json' };
import relation from '../../../../schemas/relation.schema.json' with { type: 'json' };
import view from '../../../../schemas/view.schema.json' with { type: 'json' };
import { bundleSchema, type JsonSchema } from './schema-bundle.js';

/** The kinds of document the JSON editor opens: a whole blueprint or one of its parts. */
export type DocumentKind = 'blueprint' | 'object' | 'view' | 'form';

// The repository's schemas are the single source: Vite inlines these files into the page's chunk.
const files: JsonSchema[] = [blueprint, common, field, filter, form, object, relation, view];
const bundles = new Map<DocumentKind, JsonSchema>();

/** The schema of one kind of document, bundled with the schemas it refers to (built once). */
export function documentSchema(kind: DocumentKind): JsonSchema {
  let bundle = bundles.get(kind);
  if (!bundle) {
    bundle = bundleSchema(`https://tessera.dev/schemas/${kind}.schema.json`, files);
    bundles.set(kind, bundle);
  }
  return bundle;
}
