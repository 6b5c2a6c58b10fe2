import { describe, expect, it } from 'vitest';
import { defaultFuzzy, isComplete, withCompared, withScores } from './fuzzy-rule.js';

describe('a fuzzy matching rule', () => {
  it('starts from the place and compares name and address', () => {
    expect(defaultFuzzy(['name', 'phone', 'city', 'district', 'address'])).toEqual({ block: ['district'], compare: { name: 2, address: 1 } });
    expect(defaultFuzzy(['name', 'phone', 'address', 'email'])).toEqual({ block: ['name'], compare: { address: 1, email: 1 } });
    expect(defaultFuzzy(['title', 'amount'])).toEqual({ block: ['title'], compare: { amount: 1 } });
    expect(defaultFuzzy([])).toBeUndefined();
  });

  it('keeps the weights of the fields still compared', () => {
    expect(withCompared({ block: ['city'], compare: { name: 3, address: 1 } }, ['name', 'email'])).toEqual({ block: ['city'], compare: { name: 3, email: 1 } });
  });

  it('holds the review score at or under the threshold', () => {
    expect(withScores({ block: ['city'], compare: { name: 1 } }, { threshold: 0.7 })).toMatchObject({ threshold: 0.7, review: 0.7 });
    expect(withScores({ block: ['city'], compare: { name: 1 }, threshold: 0.95 }, { review: 0.8 })).toMatchObject({ threshold: 0.95, review: 0.8 });
  });

  it('is complete with a block field and a compared one', () => {
    expect(isComplete({ block: ['city'], compare: { name: 1 } })).toBe(true);
    expect(isComplete({ block: [], compare: { name: 1 } })).toBe(false);
    expect(isComplete({ block: ['city'], compare: {} })).toBe(false);
    expect(isComplete(undefined)).toBe(false);
  });
});
