import { CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { EditorState, type TransactionSpec } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { documentSchema } from './document-schemas.js';
import { schemaCompletion } from './schema-completion.js';
import { propertySuggestions, schemasAt, valueSuggestions } from './schema-walk.js';

const t = ((key: string) => key) as unknown as TFunction;

/** Completes at the "|" of the text, as the editor would. */
function complete(input: string, kind: 'view' | 'blueprint' = 'view', explicit = false): { result: CompletionResult | null; doc: string; pos: number } {
  const pos = input.indexOf('|');
  const doc = input.replace('|', '');
  const state = EditorState.create({ doc, extensions: [json()] });
  const result = schemaCompletion(kind, t)(new CompletionContext(state, pos, explicit)) as CompletionResult | null;
  return { result, doc, pos };
}
const labels = (input: string, kind?: 'view' | 'blueprint') => complete(input, kind).result?.options.map((option) => option.label);

/** Picks an option as the editor would: the text after, with "|" at the cursor. */
function pick(input: string, label: string): string {
  const { result, doc } = complete(input);
  const option = result!.options.find((candidate) => candidate.label === label)!;
  const state = EditorState.create({ doc });
  if (typeof option.apply === 'string' || option.apply === undefined) {
    const insert = option.apply ?? option.label;
    const next = doc.slice(0, result!.from) + insert + doc.slice(result!.to ?? result!.from);
    const cursor = result!.from + insert.length;
    return `${next.slice(0, cursor)}|${next.slice(cursor)}`;
  }
  let spec: TransactionSpec = {};
  const view = { state, dispatch: (given: TransactionSpec) => { spec = given; } } as unknown as EditorView;
  option.apply(view, option, result!.from, result!.to ?? result!.from);
  const next = state.update(spec).state;
  const cursor = next.selection.main.head;
  return `${next.sliceDoc(0, cursor)}|${next.sliceDoc(cursor)}`;
}

describe('schemasAt and the suggestions', () => {
  const view = documentSchema('view');

  it('walks properties, array items and references', () => {
    expect(propertySuggestions(view, schemasAt(view, ['columns', 0])).map((property) => property.name)).toEqual(['field', 'width']);
    expect(propertySuggestions(view, schemasAt(view, ['label']))).toEqual([
      { name: 'zh-CN', description: undefined, required: true },
      { name: 'en', description: undefined, required: true },
    ]);
    expect(valueSuggestions(schemasAt(view, ['sort', 3, 'direction']))).toEqual(['asc', 'desc']);
  });

  it('takes every form of an anyOf, following recursive references', () => {
    expect(propertySuggestions(view, schemasAt(view, ['filter', 'and', 0, 'not'])).map((property) => property.name)).toEqual(['field', 'op', 'value', 'and', 'or', 'not']);
  });

  it('describes properties from the schema and marks the required ones', () => {
    const type = propertySuggestions(view, schemasAt(view, [])).find((property) => property.name === 'groupBy');
    expect(type).toEqual({ name: 'groupBy', description: 'kanban: the single_select field whose options are the lanes.', required: false });
    expect(propertySuggestions(view, schemasAt(view, [])).filter((property) => property.required).map((property) => property.name)).toEqual(['id', 'name', 'object', 'label', 'columns']);
  });

  it('suggests nothing where the schema says nothing', () => {
    expect(schemasAt(view, ['nope', 'deeper'])).toEqual([]);
    expect(valueSuggestions(schemasAt(view, ['name']))).toEqual([]);
  });
});

describe('schemaCompletion', () => {
  it('completes property names in an object, leaving out those already there', () => {
    expect(labels('{"name": "x", "|"}')).toEqual(['id', 'object', 'label', 'type', 'groupBy', 'columns', 'filter', 'sort', 'pageSize']);
    expect(labels('{"columns": [{"field": "a"}, {"|"}]}')).toEqual(['field', 'width']);
    expect(labels('{"label": {"zh|"}}')).toEqual(['zh-CN', 'en']);
  });

  it('ranges over the text between the quotes, which the editor filters the options by', () => {
    const { result, doc } = complete('{"gro|"}');
    expect(doc.slice(result!.from, result!.to)).toBe('gro');
    const empty = complete('{"id": "x", "|"}');
    expect(empty.doc.slice(empty.result!.from, empty.result!.to)).toBe('');
  });

  it('fills the name, steps past its quote and adds the colon when it is missing', () => {
    expect(pick('{"gro|"}', 'groupBy')).toBe('{"groupBy": |}');
    expect(pick('{"gro|": "status"}', 'groupBy')).toBe('{"groupBy"|: "status"}');
    expect(pick('{"id": "x", "gro|', 'groupBy')).toBe('{"id": "x", "groupBy": |');
    expect(pick('{"id": "x", |}', 'groupBy')).toBe('{"id": "x", "groupBy": |}');
  });

  it('fills an enum value in or out of its quotes', () => {
    expect(pick('{"type": "ka|"}', 'kanban')).toBe('{"type": "kanban"|}');
    expect(pick('{"type": |}', 'kanban')).toBe('{"type": "kanban"|}');
    expect(pick('{"sort": [{"direction": "d|', 'desc')).toBe('{"sort": [{"direction": "desc"|');
  });

  it('completes a name being typed before its closing quote', () => {
    expect(labels('{"name": "x", "obj|')).toContain('object');
  });

  it('completes enum values, typed or not yet', () => {
    expect(labels('{"type": "|"}')).toEqual(['table', 'kanban']);
    expect(labels('{"type": |}')).toEqual(['table', 'kanban']);
    expect(labels('{"sort": [{"direction": "d|')).toEqual(['asc', 'desc']);
    expect(labels('{"filter": {"or": [{"op": "|"}]}}')).toContain('starts_with');
  });

  it('completes the parts of a blueprint down to a field\'s type', () => {
    expect(labels('{"objects": [{"fields": [{"type": "|"}]}]}', 'blueprint')).toContain('single_select');
    expect(labels('{"objects": [{"fields": [{"required": |}]}]}', 'blueprint')).toEqual(['true', 'false']);
    expect(labels('{"objects": [{"fields": [{"relation": {"|"}}]}]}', 'blueprint')).toEqual(['kind', 'target', 'inverse', 'onDelete']);
  });

  it('offers nothing for free text', () => {
    expect(complete('{"name": "op|"}').result).toBeNull();
  });
});
