import { pickedCompletion, type Completion, type CompletionContext, type CompletionResult, type CompletionSource } from '@codemirror/autocomplete';
import { ensureSyntaxTree, syntaxTree } from '@codemirror/language';
import type { SyntaxNode } from '@lezer/common';
import type { TFunction } from 'i18next';
import { documentSchema, type DocumentKind } from './document-schemas.js';
import { isValueNode, propertyName, type SourceText } from './json-tree.js';
import type { JsonSchema } from './schema-bundle.js';
import { propertySuggestions, schemasAt, valueSuggestions } from './schema-walk.js';
import { syntaxPath } from './syntax-path.js';

/**
 * What the cursor is on: a property name to type in an object, or a value. In a string, the range
 * is the text between its quotes (the editor filters the options by that text, which must not
 * hold a quote); `closed` tells whether the string has its closing quote yet.
 */
interface Spot { kind: 'key' | 'value'; node: SyntaxNode; from: number; to: number; quoted: boolean; closed: boolean }

const opensString = (node: SyntaxNode, text: SourceText) => text.slice(node.from, node.from + 1) === '"';

function spotIn(node: SyntaxNode, kind: Spot['kind'], pos: number, text: SourceText): Spot {
  if (!opensString(node, text)) return { kind, node, from: node.from, to: node.type.isError ? pos : node.to, quoted: false, closed: false };
  // An unterminated string (an error node) ends at the cursor.
  const closed = !node.type.isError && node.to - node.from >= 2;
  return { kind, node, from: node.from + 1, to: closed ? node.to - 1 : pos, quoted: true, closed };
}

function spotAt(node: SyntaxNode, pos: number, text: SourceText): Spot | undefined {
  const parent = node.parent;
  if (node.name === 'PropertyName' && parent?.parent) return spotIn(node, 'key', pos, text);
  if (node.name === 'Object' || node.name === '{') return { kind: 'key', node: node.name === '{' ? parent! : node, from: pos, to: pos, quoted: false, closed: false };
  if (node.type.isError && parent?.name === 'Object' && opensString(node, text)) return spotIn(node, 'key', pos, text);
  if (node.name === 'Property') {
    const colon = node.getChild(':');
    return colon && colon.to <= pos ? { kind: 'value', node: colon, from: pos, to: pos, quoted: false, closed: false } : undefined;
  }
  if ((isValueNode(node) || node.type.isError) && (parent?.name === 'Property' || parent?.name === 'Array')) return spotIn(node, 'value', pos, text);
  return undefined;
}

/**
 * How an option fills its place: outside a string, the quoted JSON and `after`; inside one, the
 * text between the quotes, then the cursor past the closing quote (written if missing) and `after`.
 */
function fill(value: string, spot: Spot, after: string): Completion['apply'] {
  if (!spot.quoted) return `${JSON.stringify(value)}${after}`;
  const text = JSON.stringify(value).slice(1, -1);
  return (view, completion, from, to) => view.dispatch({
    changes: spot.closed ? [{ from, to, insert: text }, ...(after ? [{ from: to + 1, insert: after }] : [])] : [{ from, to, insert: `${text}"${after}` }],
    selection: { anchor: from + text.length + 1 + after.length },
    annotations: pickedCompletion.of(completion),
    userEvent: 'input.complete',
  });
}

function keyOptions(root: JsonSchema, spot: Spot, text: SourceText, t: TFunction): Completion[] | undefined {
  const object = spot.node.name === 'Object' ? spot.node : spot.node.parent?.name === 'Object' ? spot.node.parent : spot.node.parent?.parent;
  const path = object && syntaxPath(object, text);
  if (!object || !path) return undefined;
  const typed = spot.node.name === 'PropertyName' ? spot.node.from : undefined;
  const present = new Set(object.getChildren('Property').filter((property) => property.getChild('PropertyName')?.from !== typed).map((property) => propertyName(property, text)));
  // A name typed before its colon gets one; a name already followed by its value does not.
  const colon = /^"?\s*:/.test(text.slice(spot.to, spot.to + 100)) ? '' : ': ';
  return propertySuggestions(root, schemasAt(root, path)).filter((property) => !present.has(property.name)).map((property) => ({
    label: property.name,
    type: 'property',
    apply: fill(property.name, spot, colon),
    ...(property.required ? { detail: t('views.json.required') } : {}),
    ...(property.description ? { info: property.description } : {}),
    boost: property.required ? 1 : 0,
  }));
}

function valueOptions(root: JsonSchema, spot: Spot, text: SourceText): Completion[] | undefined {
  // The path of a value (or of the colon before a value not typed yet) ends with its property's name.
  const path = syntaxPath(spot.node, text);
  if (!path) return undefined;
  return valueSuggestions(schemasAt(root, path))
    .filter((value) => !spot.quoted || typeof value === 'string')
    .map((value) => (typeof value === 'string'
      ? { label: value, type: 'enum', apply: fill(value, spot, '') }
      : { label: JSON.stringify(value), type: 'keyword' }));
}

/** Completion of property names and of enum values from the schema of a kind of document. */
export function schemaCompletion(kind: DocumentKind, t: TFunction): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    // Read through the editor's document: a large blueprint is not copied on every keystroke.
    const text: SourceText = { slice: (from, to) => context.state.sliceDoc(from, to) };
    // Parsed up to the cursor: the editor may not have reached it yet in a long document.
    const tree = ensureSyntaxTree(context.state, context.pos, 100) ?? syntaxTree(context.state);
    const spot = spotAt(tree.resolveInner(context.pos, -1), context.pos, text);
    if (!spot) return null;
    const root = documentSchema(kind);
    const options = spot.kind === 'key' ? keyOptions(root, spot, text, t) : valueOptions(root, spot, text);
    if (!options || options.length === 0) return null;
    return { from: spot.from, to: spot.to, options, validFor: /^[\w$.-]*$/ };
  };
}
