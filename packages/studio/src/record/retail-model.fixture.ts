import { readFileSync } from 'node:fs';
import type { Blueprint } from '../api/documents.js';
import type { WorkspaceModel } from '../api/workspace-model.js';
import { actions } from '../api/types.js';

/** Test fixture: the retail template's blueprint as an admin's workspace model, optionally without some objects. */
export function retailModel(without: string[] = []): WorkspaceModel {
  const blueprint = JSON.parse(readFileSync(new URL('../../../../templates/retail/blueprint.json', import.meta.url), 'utf8')) as Blueprint;
  return {
    role: 'admin',
    capabilities: [],
    objects: blueprint.objects.filter((object) => !without.includes(object.name)).map((object) => ({
      name: object.name,
      label: object.label,
      ...(object.titleField ? { titleField: object.titleField } : {}),
      actions: [...actions],
      fields: object.fields.map(({ id: _id, default: _default, ...field }) => ({ ...field, access: 'write' as const, personal: field.personal === true })),
    })),
    forms: [],
    views: [],
  };
}
