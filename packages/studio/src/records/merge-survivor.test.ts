import { describe, expect, it } from 'vitest';
import { olderSide } from './merge-survivor.js';

describe('the record a merge keeps by default', () => {
  it('is the older one by created_at', () => {
    expect(olderSide({ id: 'a', created_at: '2025-03-02T08:00:00.000Z' }, { id: 'b', created_at: '2025-03-01T08:00:00.000Z' })).toBe('right');
    expect(olderSide({ id: 'a', created_at: '2025-03-01T08:00:00.000Z' }, { id: 'b', created_at: '2025-03-02T08:00:00.000Z' })).toBe('left');
  });

  it('is the first selected when the dates tie, one is missing or unreadable', () => {
    expect(olderSide({ id: 'a', created_at: '2025-03-01T08:00:00.000Z' }, { id: 'b', created_at: '2025-03-01T08:00:00.000Z' })).toBe('left');
    expect(olderSide({ id: 'a' }, { id: 'b', created_at: '2025-03-01T08:00:00.000Z' })).toBe('left');
    expect(olderSide({ id: 'a', created_at: 'yesterday' }, { id: 'b', created_at: '2025-03-01T08:00:00.000Z' })).toBe('left');
    expect(olderSide(undefined, undefined)).toBe('left');
  });
});
