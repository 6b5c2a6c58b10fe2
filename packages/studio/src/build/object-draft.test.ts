import { describe, expect, it } from 'vitest';
import type { Field } from '../api/documents.js';
import { buildFixture } from './build-fixtures.js';
import { applyDraft, type DraftEdit } from './object-draft.js';

const phone: Field = { id: 'phone', name: 'phone', type: 'phone', label: { 'zh-CN': '手机', en: 'Mobile' } };
const names = (edits: DraftEdit[]) => applyDraft(buildFixture(), 'customers', edits).objects[0]!.fields.map((field) => field.name);

describe('an object draft', () => {
  it('adds, edits, reorders and archives fields in order', () => {
    expect(names([{ kind: 'add_field', field: phone }])).toEqual(['name', 'notes', 'city', 'tier', 'orders', 'phone']);
    expect(names([{ kind: 'add_field', field: phone }, { kind: 'reorder', ids: ['phone', 'name'] }])).toEqual(['phone', 'name', 'notes', 'city', 'tier', 'orders']);
    expect(names([{ kind: 'add_field', field: phone }, { kind: 'update_field', id: 'phone', field: { ...phone, name: 'mobile' } }, { kind: 'archive_field', id: 'notes' }])).toEqual(['name', 'city', 'tier', 'orders', 'mobile']);
  });

  it('keeps the field id on a rename and follows the new name in views', () => {
    const next = applyDraft(buildFixture(), 'customers', [{ kind: 'update_field', id: 'notes', field: { ...buildFixture().objects[0]!.fields[1]!, name: 'remark' } }]);
    expect(next.objects[0]!.fields[1]).toMatchObject({ id: 'notes', name: 'remark' });
    expect(next.views![1]!.columns).toEqual([{ field: 'remark' }]);
  });

  it('archives a field with what names it and restores it by its definition', () => {
    const notes = buildFixture().objects[0]!.fields[1]!;
    const archived = applyDraft(buildFixture(), 'customers', [{ kind: 'archive_field', id: 'notes' }]);
    expect(archived.views!.some((view) => view.name === 'notes_only')).toBe(false);
    expect(names([{ kind: 'archive_field', id: 'notes' }, { kind: 'restore_field', field: notes }])).toEqual(['name', 'city', 'tier', 'orders', 'notes']);
  });

  it('sets or clears the title field, and skips edits of fields that are gone', () => {
    const titled = applyDraft(buildFixture(), 'customers', [{ kind: 'title_field', name: 'city' }]);
    expect(titled.objects[0]!.titleField).toBe('city');
    expect(applyDraft(buildFixture(), 'customers', [{ kind: 'title_field', name: undefined }]).objects[0]!.titleField).toBeUndefined();
    expect(applyDraft(buildFixture(), 'customers', [{ kind: 'update_field', id: 'gone', field: phone }])).toEqual(buildFixture());
    expect(applyDraft(buildFixture(), 'nothing', [{ kind: 'add_field', field: phone }])).toEqual(buildFixture());
  });
});
