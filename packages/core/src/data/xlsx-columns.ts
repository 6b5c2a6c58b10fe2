import { decimalShape, valueKindOf, type Field, type LocalizedText, type ObjectModel } from '../documents/index.js';

/** A language of the product's texts. */
export type Language = keyof LocalizedText;

/** A value as a spreadsheet cell holds it. */
export type CellValue = string | number | Date | null;

/** How one exported column is written: its header, width, number format and value conversion. */
export interface XlsxColumn {
  header: string;
  width: number;
  numFmt: string;
  convert: (value: unknown) => CellValue;
}

/** Labels of the system columns every record has. */
const systemLabels: Record<string, LocalizedText> = {
  id: { 'zh-CN': 'ID', en: 'ID' },
  created_at: { 'zh-CN': '创建时间', en: 'Created at' },
  updated_at: { 'zh-CN': '更新时间', en: 'Updated at' },
  created_by: { 'zh-CN': '创建人', en: 'Created by' },
  updated_by: { 'zh-CN': '更新人', en: 'Updated by' },
  owner_id: { 'zh-CN': '负责人', en: 'Owner' },
  version: { 'zh-CN': '版本', en: 'Version' },
  deleted_at: { 'zh-CN': '删除时间', en: 'Deleted at' },
};

const booleanLabels: Record<Language, [string, string]> = { 'zh-CN': ['是', '否'], en: ['Yes', 'No'] };
/** A cell holds at most this many characters (Excel's limit; a longer text makes it repair the file). */
const maxCellText = 32_767;
const numberText = /^-?\d+(?:\.\d+)?$/;
const dateText = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "@" (text): a cell Excel keeps as typed, even when someone edits it, never read as a formula. */
const textFormat = '@';
const dateTimeFormat = 'yyyy-mm-dd hh:mm:ss';

/** Texts go as text, cut to what a cell holds; lists joined; objects as JSON. */
function text(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  const written = Array.isArray(value) ? value.join('; ') : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return written.length > maxCellText ? written.slice(0, maxCellText) : written;
}

/** Exact numbers (sent as strings) and integers as numbers; anything else (a masked value) as text. */
function number(value: unknown): CellValue {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && numberText.test(value) ? Number(value) : text(value);
}

/**
 * The wall-clock time of an instant in a time zone, as a Date whose UTC fields hold it: Excel has
 * no time zones, so a spreadsheet shows the workspace's local time. Offsets are cached per
 * quarter-hour (every zone changes offset on a quarter-hour), so a million cells cost a few
 * thousand Intl calls.
 */
export function wallClock(timeZone: string): (instant: Date) => Date {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  const offsets = new Map<number, number>();
  return (instant) => {
    const ms = instant.getTime();
    const quarter = Math.floor(ms / 900_000);
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      const parts = Object.fromEntries(format.formatToParts(new Date(quarter * 900_000)).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - quarter * 900_000;
      offsets.set(quarter, offset);
    }
    return new Date(ms + offset);
  };
}

/** The conversion and number format of one column by its value kind. */
function byKind(field: Field | undefined, column: string, language: Language, local: (instant: Date) => Date): Pick<XlsxColumn, 'numFmt' | 'convert'> {
  const kind = field ? valueKindOf(field) : column.endsWith('_at') ? 'datetime' : column === 'version' ? 'integer' : 'text';
  switch (kind) {
    case 'integer': return { numFmt: '0', convert: number };
    case 'decimal': {
      const { scale } = decimalShape(field!);
      return { numFmt: scale > 0 ? `#,##0.${'0'.repeat(scale)}` : '#,##0', convert: number };
    }
    case 'percent': return { numFmt: '0.00%', convert: (value) => (typeof value === 'number' ? value / 100 : text(value)) };
    case 'boolean': return { numFmt: textFormat, convert: (value) => (typeof value === 'boolean' ? booleanLabels[language][value ? 0 : 1] : text(value)) };
    case 'date': return {
      numFmt: 'yyyy-mm-dd',
      convert: (value) => {
        const match = typeof value === 'string' ? dateText.exec(value) : null;
        return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : text(value);
      },
    };
    case 'datetime': return {
      numFmt: dateTimeFormat,
      convert: (value) => {
        const instant = typeof value === 'string' ? new Date(value) : null;
        return instant && !Number.isNaN(instant.getTime()) ? local(instant) : text(value);
      },
    };
    case 'select':
    case 'multi_select': {
      const labels = new Map((field!.options ?? []).map((option) => [option.value, option.label[language]] as const));
      const label = (value: unknown) => (typeof value === 'string' ? labels.get(value) ?? value : value);
      return { numFmt: textFormat, convert: (value) => text(Array.isArray(value) ? value.map(label) : label(value)) };
    }
    default: return { numFmt: textFormat, convert: text };
  }
}

/**
 * How each exported column of an object is written to a spreadsheet: headers are field labels in
 * the request's language; numbers, money (with its decimals), percents, dates and times (in the
 * workspace's time zone) typed; booleans as 是/否 or Yes/No; options by their labels, lists joined;
 * everything else text (never a formula).
 */
export function xlsxColumns(object: ObjectModel, columns: string[], language: Language, timeZone: string): XlsxColumn[] {
  const local = wallClock(timeZone);
  return columns.map((column) => {
    const field = object.fields.get(column);
    const header = (field?.label ?? systemLabels[column])?.[language] ?? column;
    const typed = byKind(field, column, language, local);
    const width = Math.min(40, Math.max(10, [...header].length * 2 + 2, typed.numFmt === dateTimeFormat ? 20 : 0, column === 'id' ? 38 : 0));
    return { header, width, ...typed };
  });
}
