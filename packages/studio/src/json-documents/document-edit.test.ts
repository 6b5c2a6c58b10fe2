import { describe, expect, it } from 'vitest';
import type { Blueprint } from '../api/documents.js';
import { documentChange, formatText, importDocument, isDirty, isStale, openDocument, prettyJson, typeText } from './document-edit.js';
import { blueprintFileName } from './export-blueprint.js';
import { maxImportBytes, readJsonFile } from './read-json-file.js';

const label = { 'zh-CN': '名', en: 'Name' };
const blueprint: Blueprint = { label, objects: [{ id: 'a', name: 'a', label, fields: [] }], views: [{ id: 'v', name: 'v', object: 'a', label, columns: [{ field: 'id' }] }] };
const applied = { version: 7, blueprint };

describe('document edits', () => {
  it('opens a document as pretty JSON, clean until typed in', () => {
    const edit = openDocument(undefined, applied, { kind: 'view', id: 'v' });
    expect(edit).toMatchObject({ version: 7, baseline: prettyJson(blueprint.views![0]), found: true, revision: 1, importName: undefined });
    expect(isDirty(edit)).toBe(false);
    const typed = typeText(edit, edit.text.replace('"v"', '"w"'));
    expect(isDirty(typed)).toBe(true);
    expect(typed.revision).toBe(1);
  });

  it('keeps the text of a document that is gone, and knows it is gone', () => {
    const edit = openDocument(undefined, applied, { kind: 'object', id: 'zz' });
    expect(edit).toMatchObject({ baseline: '', text: '', found: false });
  });

  it('formats valid JSON and leaves broken JSON as typed', () => {
    const edit = typeText(openDocument(undefined, applied, { kind: 'blueprint' }), '{"a":[1,2]}');
    expect(formatText(edit)).toMatchObject({ text: '{\n  "a": [\n    1,\n    2\n  ]\n}', revision: 2 });
    const broken = typeText(edit, '{"a":');
    expect(formatText(broken)).toBe(broken);
  });

  it('puts an import in the editor as the whole blueprint: formatted when it parses, as written when not', () => {
    const previous = openDocument(undefined, applied, { kind: 'view', id: 'v' });
    const imported = importDocument(previous, applied, 'shop.json', '{"label":{"zh-CN":"店","en":"Shop"},"objects":[]}');
    expect(imported).toMatchObject({ ref: { kind: 'blueprint' }, baseline: prettyJson(blueprint), importName: 'shop.json', revision: 2 });
    expect(imported.text).toBe(prettyJson({ label: { 'zh-CN': '店', en: 'Shop' }, objects: [] }));
    expect(importDocument(previous, applied, 'bad.json', '{"label": ').text).toBe('{"label": ');
  });
});

describe('documentChange', () => {
  const view = blueprint.views![0]!;
  const edited = (text: string) => typeText(openDocument(undefined, applied, { kind: 'view', id: 'v' }), text);

  it('puts a valid edit into the blueprint applied now, keeping what others changed elsewhere', () => {
    const newer = { version: 8, blueprint: { ...blueprint, objects: [...blueprint.objects, { id: 'b', name: 'b', label, fields: [] }] } };
    const change = documentChange(edited(prettyJson({ ...view, pageSize: 20 })), newer);
    expect(change).toEqual({ status: 'ready', value: { ...view, pageSize: 20 }, expectedVersion: undefined, blueprint: { ...newer.blueprint, views: [{ ...view, pageSize: 20 }] } });
  });

  it('expects the version it was opened at when the same document changed meanwhile', () => {
    const newer = { version: 8, blueprint: { ...blueprint, views: [{ ...view, pageSize: 50 }] } };
    expect(documentChange(edited(prettyJson({ ...view, pageSize: 20 })), newer)).toMatchObject({ status: 'ready', expectedVersion: 7 });
  });

  it('proposes nothing for invalid text or a document that is gone', () => {
    expect(documentChange(edited('{"id": "v"'), applied)).toEqual({ status: 'invalid' });
    expect(documentChange(edited(prettyJson({ ...view, type: 'kanban' })), applied)).toEqual({ status: 'invalid' });
    expect(documentChange(edited(prettyJson(view)), { version: 8, blueprint: { ...blueprint, views: [] } })).toEqual({ status: 'missing' });
  });
});

describe('isStale', () => {
  it('reloads an untouched document that changed in a newer blueprint, never typed or imported text', () => {
    const edit = openDocument(undefined, applied, { kind: 'view', id: 'v' });
    const newer = { version: 8, blueprint: { ...blueprint, views: [{ ...blueprint.views![0]!, pageSize: 5 }] } };
    expect(isStale(edit, applied)).toBe(false);
    expect(isStale(edit, newer)).toBe(true);
    expect(isStale(typeText(edit, '{}'), newer)).toBe(false);
    expect(isStale(importDocument(edit, applied, 'x.json', '{}'), newer)).toBe(false);
  });
});

describe('blueprint files', () => {
  it('names an export after the workspace and version', () => {
    expect(blueprintFileName('retail', 12)).toBe('retail-blueprint-v12.json');
  });

  it('reads a file, without its byte order mark, and parses it', async () => {
    const read = await readJsonFile(new Blob(['\uFEFF{"a": 1}']));
    expect(read).toEqual({ status: 'read', text: '{"a": 1}', parsed: { ok: true, value: { a: 1 } } });
  });

  it('reports where a file stops being JSON', async () => {
    const read = await readJsonFile(new Blob(['{\n  "a": 1,\n}']));
    expect(read.status === 'read' && !read.parsed.ok && read.parsed.error).toMatchObject({ line: 3, column: 1 });
  });

  it('refuses a file over the cap without reading it, and survives one that cannot be read', async () => {
    const large = { size: maxImportBytes + 1, text: () => { throw new Error('must not be read'); } } as unknown as Blob;
    expect(await readJsonFile(large)).toEqual({ status: 'tooLarge', size: maxImportBytes + 1 });
    const broken = { size: 10, text: () => Promise.reject(new Error('gone')) } as unknown as Blob;
    expect(await readJsonFile(broken)).toEqual({ status: 'unreadable' });
  });
});
