import { describe, expect, it } from 'vitest';
import { ApiError, errorsWithin } from './api-error.js';

describe('errorsWithin', () => {
  const refused = new ApiError(422, 'INVALID_BLUEPRINT', {}, [
    { pointer: '/views/2/columns/0/field', message: 'unknown field' },
    { pointer: '/views/2', message: 'whole view' },
    { pointer: '/views/21/name', message: 'another view' },
    { pointer: '/objects/0', message: 'an object' },
  ]);

  it('keeps the errors inside the part, pointers made relative to it', () => {
    expect(errorsWithin(refused, '/views/2')).toEqual([
      { pointer: '/columns/0/field', message: 'unknown field' },
      { pointer: '', message: 'whole view' },
    ]);
  });

  it('answers none for another kind of failure or no part', () => {
    expect(errorsWithin(new Error('offline'), '/views/2')).toEqual([]);
    expect(errorsWithin(refused, undefined)).toEqual([]);
  });
});
