import { describe, expect, it } from 'vitest';
import { label, teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { validateBlueprint } from './validate-blueprint.js';
import { validateView } from './validate-view.js';
import type { View } from './generated-types.js';

const view = (extra: Partial<View>): View => ({ id: 'v', name: 'v', object: 'people', label: label('v'), columns: [{ field: 'name' }], ...extra });

function errorsOf(...views: View[]): string[] {
  const blueprint = teamsBlueprint();
  blueprint.views = views;
  try {
    validateBlueprint(blueprint);
    return [];
  } catch (error) {
    return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code}`);
  }
}

describe('kanban and table views', () => {
  it('accept a kanban grouped by a single_select field, and a table without groupBy', () => {
    expect(errorsOf(view({ type: 'kanban', groupBy: 'status' }), view({ id: 't', name: 't', type: 'table' }), view({ id: 'd', name: 'd' }))).toEqual([]);
  });

  it('refuse a kanban without groupBy, grouped by an unknown or non single_select field, and groupBy on a table', () => {
    expect(errorsOf(view({ type: 'kanban' }))).toEqual(['/views/0/groupBy required']);
    expect(errorsOf(view({ type: 'kanban', groupBy: 'ghost' }))).toEqual(['/views/0/groupBy unknown_reference']);
    expect(errorsOf(view({ type: 'kanban', groupBy: 'skills' }), view({ id: 'w', name: 'w', type: 'kanban', groupBy: 'name' }))).toEqual([
      '/views/0/groupBy not_applicable', '/views/1/groupBy not_applicable',
    ]);
    expect(errorsOf(view({ groupBy: 'status' }), view({ id: 'w', name: 'w', type: 'table', groupBy: 'status' }))).toEqual([
      '/views/0/groupBy not_applicable', '/views/1/groupBy not_applicable',
    ]);
  });

  it('validate a view on its own (a saved view) with the same checks, located under a prefix', () => {
    const objects = new Map(teamsBlueprint().objects.map((object) => [object.name, object] as const));
    expect(validateView(view({ type: 'kanban', groupBy: 'status' }), objects, '/view').groupBy).toBe('status');
    const refusal = (document: unknown) => { try { validateView(document, objects, '/view'); return []; } catch (error) { return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code}`); } };
    expect(refusal({ ...view({}), columns: [{ field: 'ghost' }], sort: [{ field: 'skills_x' }] })).toEqual(['/view/columns/0/field unknown_reference', '/view/sort/0/field unknown_reference']);
    expect(refusal({ ...view({}), object: '__proto__' })).toEqual(['/view/object pattern']);
    expect(refusal({ ...view({}), extra: 1 })).toEqual(['/view/extra unknown_field']);
  });
});
