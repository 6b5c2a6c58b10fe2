import type { Completion, CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import { syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import type { TFunction } from 'i18next';
import { documentSchema, type DocumentKind } from './document-schemas.js';
import { isValueNode, propertyName, type SourceText } from './json-tree.js';
import type { JsonSchema } from './schema-bundle.js';
import { propertySuggestions, schemasAt, valueSuggestions } from './schema-walk.js';
import { syntaxPath } from './syntax-path.js';

/** What the cursor is on: a property name to type in an object, or a value. */
type Spot = { kind: 'key'; object: SyntaxNode; from: number; to: number } | { kind: 'value'; node: SyntaxNode; from: number; to: number };

const isText = (node: SyntaxNode, text: SourceText) => node.name === 'String' || (node.type.isError && text.slice(node.from, node.from + 1) === '"');

function spotAt(node: SyntaxNode, pos: number, text: SourceText): Spot | undefined {
  const parent = node.parent;
  if (node.name === 'PropertyName' && parent?.parent) return { kind: 'key', object: parent.parent, from: node.from, to: node.to };
  if (node.name === 'Object' || node.name === '{') return { kind: 'key', object: node.name === '{' ? parent! : node, from: pos, to: pos };
  if (node.type.isError && parent?.name === 'Object' && isText(node, text)) return { kind: 'key', object: parent, from: node.from, to: pos };
  if (node.name === 'Property') {
    const colon = node.getChild(':');
    return colon && colon.to <= pos ? { kind: 'value', node: colon, from: pos, to: pos } : undefined;
  }
  if ((isValueNode(node) || node.type.isError) && (parent?.name === 'Property' || parent?.name === 'Array')) {
    return { kind: 'value', node, from: node.from, to: node.type.isError ? pos : node.to };
  }
  return undefined;
}

function keyOptions(root: JsonSchema, spot: Extract<Spot, { kind: 'key' }>, text: SourceText, t: TFunction): Completion[] | undefined {
  const path = syntaxPath(spot.object, text);
  if (!path) return undefined;
  const present = new Set(spot.object.getChildren('Property').filter((property) => property.getChild('PropertyName')?.from !== spot.from).map((property) => propertyName(property, text)));
  // A name typed before its colon gets one; a name already followed by its value does not.
  const hasColon = /^\s*:/.test(text.slice(spot.to, spot.to + 100));
  return propertySuggestions(root, schemasAt(root, path)).filter((property) => !present.has(property.name)).map((property) => ({
    label: property.name,
    type: 'property',
    apply: `${JSON.stringify(property.name)}${hasColon ? '' : ': '}`,
    ...(property.required ? { detail: t('views.json.required') } : {}),
    ...(property.description ? { info: property.description } : {}),
    boost: property.required ? 1 : 0,
  }));
}

function valueOptions(root: JsonSchema, spot: Extract<Spot, { kind: 'value' }>, text: SourceText): Completion[] | undefined {
  // The path of a value (or of the colon before a value not typed yet) ends with its property's name.
  const path = syntaxPath(spot.node, text);
  if (!path) return undefined;
  return valueSuggestions(schemasAt(root, path)).map((value) => ({ label: JSON.stringify(value), type: typeof value === 'string' ? 'enum' : 'keyword' }));
}

/** Completion of property names and of enum values from the schema of a kind of document. */
export function schemaCompletion(kind: DocumentKind, t: TFunction): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    // Read through the editor's document: a large blueprint is not copied on every keystroke.
    const text: SourceText = { slice: (from, to) => context.state.sliceDoc(from, to) };
    const spot = spotAt(syntaxTree(context.state).resolveInner(context.pos, -1), context.pos, text);
    if (!spot) return null;
    const root = documentSchema(kind);
    const options = spot.kind === 'key' ? keyOptions(root, spot, text, t) : valueOptions(root, spot, text);
    if (!options || options.length === 0) return null;
    return { from: spot.from, to: spot.to, options, validFor: /^"?[\w$.-]*"?$/ };
  };
}
