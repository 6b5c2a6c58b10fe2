import { json, jsonLanguage } from '@codemirror/lang-json';
import { lintGutter } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentKind } from './document-schemas.js';
import { schemaCompletion } from './schema-completion.js';
import { schemaLinter, serverProblemsChanged, type ServerProblem } from './schema-linter.js';

const noProblems: readonly ServerProblem[] = [];

const theme = EditorView.theme({
  '&': { height: '62vh', border: '1px solid #d9d9d9', borderRadius: '6px', fontSize: '13px' },
  '&.cm-focused': { outline: '2px solid #91caff' },
  '.cm-scroller': { overflow: 'auto', fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' },
});

/**
 * A CodeMirror 6 editor of one JSON document with the schema of its kind: errors underlined as
 * you type, property names and enum values completed (Ctrl+Space). It starts from `initialText`
 * and reports every change; give it a new key to load another text.
 */
export function JsonEditor({ kind, initialText, label, serverProblems = noProblems, onChange }: {
  kind: DocumentKind; initialText: string; label: string; serverProblems?: readonly ServerProblem[]; onChange: (text: string) => void;
}) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<EditorView>(undefined);
  // The latest text, callback and server errors, read when the editor is rebuilt (language switched) so nothing typed is lost.
  const latest = useRef({ text: initialText, onChange, serverProblems });
  latest.current.onChange = onChange;
  latest.current.serverProblems = serverProblems;
  // The server refused the text, or it changed since: the underlines follow at once.
  useEffect(() => { editor.current?.dispatch({ effects: serverProblemsChanged.of(null) }); }, [serverProblems]);
  useEffect(() => {
    const view = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: latest.current.text,
        extensions: [
          basicSetup, json(), lintGutter(), schemaLinter(kind, t, () => latest.current.serverProblems), jsonLanguage.data.of({ autocomplete: schemaCompletion(kind, t) }), theme,
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            latest.current.text = update.state.doc.toString();
            latest.current.onChange(latest.current.text);
          }),
        ],
      }),
    });
    editor.current = view;
    return () => {
      editor.current = undefined;
      view.destroy();
    };
  }, [kind, t, label]);
  return <div ref={host} />;
}
