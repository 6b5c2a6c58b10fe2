import { describe, expect, it } from 'vitest';
import { teamsBlueprint } from '../../test/fixtures.js';
import { modelBlueprint } from '../documents/index.js';
import { compileFilterText } from './filter-cache.js';

const text = JSON.stringify({ field: 'age', op: 'gte', value: 30 });

describe('compiled filter cache', () => {
  it('compiles a filter text once per blueprint version and shares the frozen result', () => {
    const model = modelBlueprint(teamsBlueprint());
    const first = compileFilterText(text, 'people', model.definitions, 'ws_a', JSON.parse(text));
    expect(compileFilterText(text, 'people', model.definitions, 'ws_a', JSON.parse(text))).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ sql: 't."age" >= ?', bindings: [30] });
    expect(compileFilterText(text, 'people', model.definitions, 'ws_b', JSON.parse(text))).not.toBe(first);
    const next = modelBlueprint(teamsBlueprint());
    expect(compileFilterText(text, 'people', next.definitions, 'ws_a', JSON.parse(text))).not.toBe(first);
  });

  it('refuses an invalid filter every time it comes', () => {
    const model = modelBlueprint(teamsBlueprint());
    const bad = JSON.stringify({ field: 'nope', op: 'eq', value: 1 });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(() => compileFilterText(bad, 'people', model.definitions, 'ws_a', JSON.parse(bad))).toThrow(expect.objectContaining({ code: 'INVALID_FILTER' }));
    }
  });
});
