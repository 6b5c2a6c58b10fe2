import { json } from '@codemirror/lang-json';
import { EditorState } from '@codemirror/state';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { documentDiagnostics } from './schema-linter.js';

const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as TFunction;

function diagnose(doc: string) {
  const state = EditorState.create({ doc, extensions: [json()] });
  return documentDiagnostics(state, 'view', t).map((diagnostic) => ({ text: doc.slice(diagnostic.from, diagnostic.to), message: diagnostic.message, source: diagnostic.source }));
}

const valid = '{"id": "v", "name": "v", "object": "orders", "label": {"zh-CN": "视图", "en": "View"}, "columns": [{"field": "order_no"}]';

describe('documentDiagnostics', () => {
  it('finds nothing wrong in a valid view', () => {
    expect(diagnose(`${valid}}`)).toEqual([]);
  });

  it('underlines a syntax error with its line and column', () => {
    expect(diagnose('{\n  "id": "v",\n  "name" "v"\n}')).toEqual([{ text: '"', message: 'views.json.syntaxAt {"line":3,"column":10}', source: undefined }]);
  });

  it('underlines schema problems where they are, with their pointer as source', () => {
    expect(diagnose(`${valid}, "type": "kanban", "colour": 1, "pageSize": 0}`)).toEqual([
      { text: '{', message: 'views.json.problem.required {"name":"groupBy"}', source: '/' },
      { text: '"colour"', message: 'views.json.problem.unknownProperty {"name":"colour"}', source: '/colour' },
      { text: '0', message: 'views.json.problem.minimum {"limit":1}', source: '/pageSize' },
    ]);
  });

  it('underlines a wrong name by its rule', () => {
    expect(diagnose(valid.replace('"name": "v"', '"name": "Open Orders"') + '}')).toEqual([
      { text: '"Open Orders"', message: 'views.json.problem.identifier', source: '/name' },
    ]);
  });
});
