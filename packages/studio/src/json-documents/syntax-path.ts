import type { SyntaxNode } from '@lezer/common';
import { propertyName, valueNodes, type SourceText } from './json-tree.js';

/** A place in a document: property names and array indexes from the root. */
export type DocumentPath = (string | number)[];

/**
 * The path of a node of the syntax tree (a value, or the object whose keys are being typed),
 * read upwards through properties and arrays; undefined when a property on the way has no
 * complete name yet.
 */
export function syntaxPath(node: SyntaxNode, text: SourceText): DocumentPath | undefined {
  const path: DocumentPath = [];
  let current = node;
  for (let parent = current.parent; parent && parent.name !== 'JsonText'; parent = current.parent) {
    if (parent.name === 'Property') {
      const name = propertyName(parent, text);
      if (name === undefined) return undefined;
      path.unshift(name);
    } else if (parent.name === 'Array') {
      const index = valueNodes(parent).findIndex((item) => item.from === current.from);
      // An item being typed (an error node) comes after the complete ones before it.
      path.unshift(index >= 0 ? index : valueNodes(parent).filter((item) => item.to <= current.from).length);
    }
    current = parent;
  }
  return path;
}
