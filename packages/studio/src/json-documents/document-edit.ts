import type { Blueprint } from '../api/documents.js';
import { documentAt, MissingDocumentError, replaceDocument } from './blueprint-document.js';
import { checkDocument } from './check-document.js';
import type { DocumentRef } from './document-ref.js';
import { parseJson } from './parse-json.js';

/** The applied blueprint and its version, as GET …/blueprint answers. */
export interface Applied { version: number; blueprint: Blueprint }

/** What the JSON editor holds: which document, its text as loaded and as typed, and where an import came from. */
export interface DocumentEdit {
  ref: DocumentRef;
  /** The blueprint version the document was loaded from. */
  version: number;
  /** The document's pretty JSON as loaded from the blueprint ('' when it is no longer there). */
  baseline: string;
  text: string;
  /** Whether the document is in the blueprint (false once someone removed it: the text stays, Apply cannot). */
  found: boolean;
  /** Bumped whenever the text is replaced from outside, so the editor takes the new text. */
  revision: number;
  /** The file an imported blueprint came from. */
  importName: string | undefined;
}

/** A document as the editor shows it: JSON indented by two spaces. */
export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);

const baselineOf = (blueprint: Blueprint, ref: DocumentRef) => {
  const document = documentAt(blueprint, ref);
  return document === undefined ? undefined : prettyJson(document);
};

/** Opens a document of the applied blueprint (again, after an apply) in the editor. */
export function openDocument(edit: DocumentEdit | undefined, applied: Applied, ref: DocumentRef): DocumentEdit {
  const baseline = baselineOf(applied.blueprint, ref);
  return { ref, version: applied.version, baseline: baseline ?? '', text: baseline ?? '', found: baseline !== undefined, revision: (edit?.revision ?? 0) + 1, importName: undefined };
}

/** Whether an untouched document should be loaded again: the applied blueprint now has it otherwise. */
export function isStale(edit: DocumentEdit, applied: Applied): boolean {
  return edit.text === edit.baseline && edit.importName === undefined && (baselineOf(applied.blueprint, edit.ref) ?? '') !== edit.baseline;
}

/** Puts an imported file's text in the editor as the next whole blueprint, compared with the applied one. */
export function importDocument(edit: DocumentEdit | undefined, applied: Applied, name: string, text: string): DocumentEdit {
  const parsed = parseJson(text);
  const baseline = prettyJson(applied.blueprint);
  return { ref: { kind: 'blueprint' }, version: applied.version, baseline, text: parsed.ok ? prettyJson(parsed.value) : text, found: true, revision: (edit?.revision ?? 0) + 1, importName: name };
}

/** The text as typed (the editor already shows it: no new revision). */
export function typeText(edit: DocumentEdit, text: string): DocumentEdit {
  return { ...edit, text };
}

/** The text indented again; unchanged while it is not valid JSON. */
export function formatText(edit: DocumentEdit): DocumentEdit {
  const parsed = parseJson(edit.text);
  return parsed.ok ? { ...edit, text: prettyJson(parsed.value), revision: edit.revision + 1 } : edit;
}

/** Whether the text differs from the document as loaded. */
export const isDirty = (edit: DocumentEdit | undefined) => edit !== undefined && edit.text !== edit.baseline;

/** What Apply would propose: nothing (invalid text), nothing (the document is gone), or the next blueprint. */
export type DocumentChange =
  | { status: 'invalid' }
  | { status: 'missing' }
  | { status: 'ready'; blueprint: Blueprint; value: unknown; expectedVersion: number | undefined };

/**
 * The next blueprint with the edited document in it, from the blueprint applied now: edits of
 * other documents since it was opened are kept. If this very document changed meanwhile, the
 * version it was opened at is expected, so that the server refuses to overwrite that change.
 */
export function documentChange(edit: DocumentEdit, applied: Applied): DocumentChange {
  const check = checkDocument(edit.ref.kind, edit.text);
  if (check.status !== 'valid') return { status: 'invalid' };
  try {
    const blueprint = replaceDocument(applied.blueprint, edit.ref, check.value);
    const changed = (baselineOf(applied.blueprint, edit.ref) ?? '') !== edit.baseline;
    return { status: 'ready', blueprint, value: check.value, expectedVersion: changed ? edit.version : undefined };
  } catch (error) {
    if (error instanceof MissingDocumentError) return { status: 'missing' };
    throw error;
  }
}
