import type { SyntaxNode } from '@lezer/common';

const valueNames = new Set(['Object', 'Array', 'String', 'Number', 'True', 'False', 'Null']);

/** Whether a node of @codemirror/lang-json's tree is a JSON value. */
export const isValueNode = (node: SyntaxNode) => valueNames.has(node.name);

/** The values directly inside a node: an array's items, a property's value, the document's root. */
export function valueNodes(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (isValueNode(child)) out.push(child);
  return out;
}

/** Read access to a document's text: a string, or the editor's document without copying it. */
export interface SourceText { slice(from: number, to?: number): string }

/** The text of a property's name, unquoted (undefined while it is not a complete string). */
export function propertyName(property: SyntaxNode, text: SourceText): string | undefined {
  const name = property.getChild('PropertyName');
  if (!name) return undefined;
  try {
    const parsed: unknown = JSON.parse(text.slice(name.from, name.to));
    return typeof parsed === 'string' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
