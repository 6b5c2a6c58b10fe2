import { describe, expect, it } from 'vitest';
import { buildFixture } from './build-fixtures.js';
import { diffRows, type DiffLine } from './blueprint-diff.js';

describe('blueprint diff', () => {
  it('shows an added field between folded unchanged runs, with line numbers', () => {
    const before = buildFixture();
    const after = buildFixture();
    after.objects[1]!.fields.push({ id: 'paid', name: 'paid', type: 'boolean', label: { 'zh-CN': '已付', en: 'Paid' } });
    const rows = diffRows(before, after);
    const changed = rows.filter((row): row is DiffLine => row.kind === 'added' || row.kind === 'removed');
    expect(changed.every((row) => row.kind === 'added')).toBe(true);
    expect(changed.map((row) => row.text.trim())).toContain('"name": "paid",');
    expect(rows[0]!.kind).toBe('folded');
    expect(rows.at(-1)!.kind).toBe('folded');
    const shown = rows.filter((row) => row.kind === 'same');
    expect(shown.length).toBeLessThanOrEqual(6);
    const all = rows.flatMap((row) => (row.kind === 'folded' ? row.lines : [row]));
    expect(all.filter((row) => row.kind !== 'added').map((row) => row.oldLine)).toEqual(all.filter((row) => row.kind !== 'added').map((_, index) => index + 1));
  });

  it('shows everything as added against no document, and nothing folded when short', () => {
    const rows = diffRows(undefined, { a: 1 });
    expect(rows).toEqual([{ kind: 'added', text: '{', newLine: 1 }, { kind: 'added', text: '  "a": 1', newLine: 2 }, { kind: 'added', text: '}', newLine: 3 }]);
    expect(diffRows({ a: 1, b: 2 }, { a: 1, b: 3 }).map((row) => row.kind)).toEqual(['same', 'same', 'removed', 'added', 'same']);
  });
});
