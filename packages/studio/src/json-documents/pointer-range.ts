import type { SyntaxNode, Tree } from '@lezer/common';
import { propertyName, valueNodes } from './json-tree.js';

/** A range of the text: what the editor underlines. */
export interface TextRange { from: number; to: number }

function child(node: SyntaxNode, segment: string, text: string): { value: SyntaxNode | undefined; property?: SyntaxNode } | undefined {
  if (node.name === 'Object') {
    const property = node.getChildren('Property').find((candidate) => propertyName(candidate, text) === segment);
    return property ? { value: valueNodes(property)[0], property } : undefined;
  }
  if (node.name === 'Array' && /^(0|[1-9]\d*)$/.test(segment)) {
    const value = valueNodes(node)[Number(segment)];
    return value ? { value } : undefined;
  }
  return undefined;
}

const decode = (segment: string) => segment.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Where a JSON pointer's value is in the text, read from the syntax tree: `key` marks the name of
 * the property, `value` the value (a container by its property's name or its opening bracket, so
 * that an error about a whole object does not underline all of it). A pointer that goes past the
 * text (a property not written yet) lands on the deepest place that exists.
 */
export function pointerRange(tree: Tree, text: string, pointer: string, mark: 'key' | 'value'): TextRange | undefined {
  const top = valueNodes(tree.topNode)[0];
  if (!top) return undefined;
  let node = top;
  let name: SyntaxNode | null = null;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(decode);
  for (const segment of segments) {
    const next = child(node, segment, text);
    if (!next) break;
    name = next.property?.getChild('PropertyName') ?? null;
    // "name": with no value yet: the name is the place.
    if (!next.value) return name ? { from: name.from, to: name.to } : undefined;
    node = next.value;
  }
  const container = node.name === 'Object' || node.name === 'Array';
  if (name && (mark === 'key' || container)) return { from: name.from, to: name.to };
  return container ? { from: node.from, to: node.from + 1 } : { from: node.from, to: node.to };
}
