import type { Blueprint } from '../api/documents.js';
import type { DocumentRef } from './document-ref.js';

type Part = { id: string };
const listKey = { object: 'objects', view: 'views', form: 'forms' } as const;

function listOf(blueprint: Blueprint, ref: Exclude<DocumentRef, { kind: 'blueprint' }>): readonly Part[] {
  return blueprint[listKey[ref.kind]] ?? [];
}

/** The document a ref names in a blueprint; undefined when it is not there (removed meanwhile). */
export function documentAt(blueprint: Blueprint, ref: DocumentRef): unknown {
  if (ref.kind === 'blueprint') return blueprint;
  return listOf(blueprint, ref).find((part) => part.id === ref.id);
}

/** Thrown when the document to replace is no longer in the blueprint. */
export class MissingDocumentError extends Error {
  constructor(readonly ref: DocumentRef) {
    super(`The blueprint has no ${ref.kind}${'id' in ref ? ` with id ${ref.id}` : ''}`);
    this.name = 'MissingDocumentError';
  }
}

/**
 * The next blueprint with one document replaced by an edited value (checked by its schema
 * before): the blueprint itself, or an object, view or form in the place of the one with the
 * ref's id, so that its order in the list stays. The blueprint given is not changed.
 */
export function replaceDocument(blueprint: Blueprint, ref: DocumentRef, value: unknown): Blueprint {
  if (ref.kind === 'blueprint') return value as Blueprint;
  const key = listKey[ref.kind];
  const list = listOf(blueprint, ref);
  const index = list.findIndex((part) => part.id === ref.id);
  if (index < 0) throw new MissingDocumentError(ref);
  return { ...blueprint, [key]: list.map((part, at) => (at === index ? value : part)) };
}

/**
 * Where a ref's document sits in a blueprint, as a JSON pointer ('' for the blueprint itself,
 * `/objects/3` for an object): the server's errors about a proposed blueprint are located by it.
 */
export function documentPointer(blueprint: Blueprint, ref: DocumentRef): string | undefined {
  if (ref.kind === 'blueprint') return '';
  const index = listOf(blueprint, ref).findIndex((part) => part.id === ref.id);
  return index < 0 ? undefined : `/${listKey[ref.kind]}/${index}`;
}
