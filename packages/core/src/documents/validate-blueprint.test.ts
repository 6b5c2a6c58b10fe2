import { describe, expect, it } from 'vitest';
import { teamsBlueprint } from '../../test/fixtures.js';
import type { TesseraError } from '../errors/index.js';
import { validateBlueprint } from './validate-blueprint.js';

function errorsOf(indexFields: string[]): string[] {
  const blueprint = teamsBlueprint();
  blueprint.objects[1]!.indexes = [{ fields: indexFields }];
  try {
    validateBlueprint(blueprint);
    return [];
  } catch (error) {
    return (error as TesseraError).errors.map((item) => `${item.pointer} ${item.code}`);
  }
}

describe('declared indexes', () => {
  it('accept fields and system columns, ascending or descending', () => {
    expect(errorsOf(['team', '-age', 'created_at'])).toEqual([]);
  });

  it('refuse unknown fields and malformed keys, with a pointer to each', () => {
    expect(errorsOf(['-nope'])).toEqual(['/objects/1/indexes/0/fields/0 unknown_reference']);
    expect(errorsOf(['age', '--age'])).toEqual(['/objects/1/indexes/0/fields/1 pattern']);
  });
});
