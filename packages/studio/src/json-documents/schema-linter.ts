import { jsonLanguage } from '@codemirror/lang-json';
import { ensureSyntaxTree } from '@codemirror/language';
import { linter, type Diagnostic } from '@codemirror/lint';
import { StateEffect, type EditorState, type Extension } from '@codemirror/state';
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

/** A message of the server about the document, at a JSON pointer relative to it, in the language shown. */
export interface ServerProblem { pointer: string; message: string }

/** The server's errors about the text it refused, underlined where they point. */
export function serverDiagnostics(state: EditorState, problems: readonly ServerProblem[]): Diagnostic[] {
  if (problems.length === 0) return [];
  const text = state.doc.toString();
  const tree = ensureSyntaxTree(state, state.doc.length, 2000) ?? jsonLanguage.parser.parse(text);
  return problems.map((problem) => ({
    ...(pointerRange(tree, text, problem.pointer, 'value') ?? { from: 0, to: 0 }),
    severity: 'error',
    message: problem.message,
    source: problem.pointer || '/',
  }));
}

/**
 * Validation as you type: JSON syntax, then the schema of the kind, underlined in place; and what
 * the server said about the text it refused (`serverProblems()` is read at each lint).
 */
export function schemaLinter(kind: DocumentKind, t: TFunction, serverProblems: () => readonly ServerProblem[] = () => []): Extension {
  return linter((view) => [...documentDiagnostics(view.state, kind, t), ...serverDiagnostics(view.state, serverProblems())], {
    delay: 400,
    needsRefresh: (update) => update.transactions.some((transaction) => transaction.effects.some((effect) => effect.is(serverProblemsChanged))),
  });
}

/** Dispatched when what the server said changed: the linter runs again without waiting for an edit. */
export const serverProblemsChanged = StateEffect.define<null>();
