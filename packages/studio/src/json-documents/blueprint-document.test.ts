import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../api/documents.js';
import { documentAt, MissingDocumentError, replaceDocument } from './blueprint-document.js';
import { parseRefKey, refKey } from './document-ref.js';

const label = { 'zh-CN': '名', en: 'Name' };
const blueprint: Blueprint = {
  label,
  objects: [{ id: 'a', name: 'a', label, fields: [] }, { id: 'b', name: 'b', label, fields: [] }, { id: 'c', name: 'c', label, fields: [] }],
  views: [{ id: 'v1', name: 'v1', object: 'a', label, columns: [{ field: 'id' }] }, { id: 'v2', name: 'v2', object: 'b', label, columns: [{ field: 'id' }] }],
};

describe('replaceDocument', () => {
  it('replaces an object in its place, even when the edit renames it', () => {
    const next = replaceDocument(blueprint, { kind: 'object', id: 'b' }, { id: 'b', name: 'bees', label, fields: [] });
    expect(next.objects.map((object) => object.name)).toEqual(['a', 'bees', 'c']);
    expect(next.views).toBe(blueprint.views);
    expect(blueprint.objects[1]!.name).toBe('b');
  });

  it('replaces a view by id and leaves the others', () => {
    const edited = { ...blueprint.views![1]!, columns: [{ field: 'created_at', width: 160 }] };
    const next = replaceDocument(blueprint, { kind: 'view', id: 'v2' }, edited);
    expect(next.views).toEqual([blueprint.views![0], edited]);
  });

  it('takes the value as the whole blueprint', () => {
    const other = { label, objects: [] };
    expect(replaceDocument(blueprint, { kind: 'blueprint' }, other)).toBe(other);
  });

  it('refuses a document that is no longer there, in a list that is absent too', () => {
    expect(() => replaceDocument(blueprint, { kind: 'view', id: 'gone' }, {})).toThrow(MissingDocumentError);
    expect(() => replaceDocument(blueprint, { kind: 'form', id: 'f' }, {})).toThrow('The blueprint has no form with id f');
  });
});

describe('documentAt', () => {
  it('finds a document by ref', () => {
    expect(documentAt(blueprint, { kind: 'view', id: 'v2' })).toBe(blueprint.views![1]);
    expect(documentAt(blueprint, { kind: 'blueprint' })).toBe(blueprint);
    expect(documentAt(blueprint, { kind: 'object', id: 'zz' })).toBeUndefined();
  });
});

describe('refKey and parseRefKey', () => {
  it('round-trip, and read anything else as the whole blueprint', () => {
    expect(parseRefKey(refKey({ kind: 'view', id: 'open:orders' }))).toEqual({ kind: 'view', id: 'open:orders' });
    expect(refKey({ kind: 'blueprint' })).toBe('blueprint');
    expect(parseRefKey('table:x')).toEqual({ kind: 'blueprint' });
    expect(parseRefKey(null)).toEqual({ kind: 'blueprint' });
  });
});
