import { jsonLanguage } from '@codemirror/lang-json';

/** Where a text stops being JSON: offset, 1-based line and column, and the browser's own words. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  detail: string;
}

/** A parsed text: its value, or where its syntax breaks. */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; error: JsonSyntaxError };

function offsetOfLine(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + column - 1);
}

/** The first place the JSON grammar cannot read (for engines whose message names no place). */
function firstSyntaxError(text: string): number {
  let found = text.length;
  jsonLanguage.parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError && node.from < found) found = node.from;
      return found === text.length;
    },
  });
  return found;
}

/** Where JSON.parse stopped, from its message: V8 and Firefox name it; otherwise the grammar finds it. */
function offsetOf(text: string, message: string): number {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return offsetOfLine(text, Number(lineColumn[1]), Number(lineColumn[2]));
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(text.length, Number(position[1]));
  if (/end of (JSON )?(input|data)/i.test(message)) return text.length;
  return firstSyntaxError(text);
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumnOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Parses JSON text; a syntax error comes back with its line and column instead of a throw. */
export function parseJson(text: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const offset = offsetOf(text, detail);
    return { ok: false, error: { offset, ...lineColumnOf(text, offset), detail } };
  }
}
