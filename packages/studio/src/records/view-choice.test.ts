import { describe, expect, it } from 'vitest';
import type { View } from '../api/documents.js';
import type { SavedView } from './use-saved-views.js';
import { canManageView } from './can-manage-view.js';
import { chooseView, isSavedViewKey, savedViewKey } from './view-choice.js';

const view = (name: string): View => ({ id: name, name, object: 'customers', label: { 'zh-CN': name, en: name }, columns: [{ field: 'name' }] });
const saved: SavedView = { id: '7f1c', owner_id: 'u1', shared: false, version: 2, view: view('mine'), mine: true };

describe('the view a link names', () => {
  it('is a blueprint view by name or a saved view by id', () => {
    expect(chooseView('vip', [view('vip')], undefined)).toEqual({ view: view('vip'), missing: false });
    expect(savedViewKey('7f1c')).toBe('saved:7f1c');
    expect(isSavedViewKey('saved:7f1c')).toBe(true);
    expect(isSavedViewKey('vip')).toBe(false);
    expect(chooseView('saved:7f1c', [], [saved])).toEqual({ view: saved.view, saved, missing: false });
  });

  it('is missing only once the saved views are read', () => {
    expect(chooseView('saved:gone', [], undefined)).toEqual({ missing: false });
    expect(chooseView('saved:gone', [], [saved])).toEqual({ missing: true });
    expect(chooseView('nope', [view('vip')], undefined)).toEqual({ missing: true });
    expect(chooseView(undefined, [view('vip')], [saved])).toEqual({ missing: false });
  });
});

describe('who may change a saved view', () => {
  it('is its owner, or anyone with the blueprint capability for a shared one', () => {
    expect(canManageView(saved, false)).toBe(true);
    expect(canManageView({ ...saved, mine: false }, true)).toBe(false);
    expect(canManageView({ ...saved, mine: false, shared: true }, false)).toBe(false);
    expect(canManageView({ ...saved, mine: false, shared: true }, true)).toBe(true);
  });
});
