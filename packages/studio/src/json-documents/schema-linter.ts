import { jsonLanguage } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import type { EditorState, Extension } from '@codemirror/state';
import type { TFunction } from 'i18next';
import { checkDocument } from './check-document.js';
import type { DocumentKind } from './document-schemas.js';
import { pointerRange } from './pointer-range.js';
import { problemMessage } from './problem-message.js';

/** The diagnostics of a document: its JSON syntax error, or its schema problems where they are. */
export function documentDiagnostics(state: EditorState, kind: DocumentKind, t: TFunction): Diagnostic[] {
  const text = state.doc.toString();
  const check = checkDocument(kind, text);
  if (check.status === 'valid') return [];
  if (check.status === 'syntax') {
    const { offset, line, column } = check.error;
    return [{ from: offset, to: Math.min(text.length, offset + 1), severity: 'error', message: t('views.json.syntaxAt', { line, column }) }];
  }
  // The whole tree: a problem may point past the part the editor has parsed so far.
  const tree = ensureSyntaxTree(state, state.doc.length, 2000) ?? jsonLanguage.parser.parse(text);
  return check.problems.map((problem) => ({
    ...(pointerRange(tree, text, problem.pointer, problem.mark) ?? { from: 0, to: 0 }),
    severity: 'error',
    message: problemMessage(problem, t),
    source: problem.pointer || '/',
  }));
}

/** Validation as you type: JSON syntax, then the schema of the kind, underlined in place. */
export function schemaLinter(kind: DocumentKind, t: TFunction): Extension {
  return linter((view) => documentDiagnostics(view.state, kind, t), { delay: 400 });
}
