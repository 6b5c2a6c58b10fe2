import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { timestampToIso } from './timestamp-text.js';

describe('timestamp text', () => {
  it('rewrites what a UTC session prints into ISO 8601 to the millisecond', () => {
    expect(timestampToIso('2026-01-02 03:04:05+00')).toBe('2026-01-02T03:04:05.000Z');
    expect(timestampToIso('2026-01-02 03:04:05.6+00')).toBe('2026-01-02T03:04:05.600Z');
    expect(timestampToIso('2026-01-02 03:04:05.678+00')).toBe('2026-01-02T03:04:05.678Z');
  });

  it('agrees with Date on any millisecond instant', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (date) => {
      const iso = date.toISOString();
      const text = `${iso.slice(0, 10)} ${iso.slice(11, 19)}${date.getUTCMilliseconds() ? `.${iso.slice(20, 23).replace(/0+$/, '')}` : ''}+00`;
      expect(timestampToIso(text)).toBe(iso);
    }), { numRuns: 1_000 });
  });

  it('falls back to a full parse for other offsets and keeps what it cannot read', () => {
    expect(timestampToIso('2026-01-02 11:04:05.5+08')).toBe('2026-01-02T03:04:05.500Z');
    expect(timestampToIso('2026-01-02 03:34:05+05:30')).toBe('2026-01-01T22:04:05.000Z');
    expect(timestampToIso('infinity')).toBe('infinity');
  });
});
