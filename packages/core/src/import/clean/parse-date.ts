/** How to read an all-number date whose first two parts could each be the day or the month. */
export type DateOrder = 'DMY' | 'MDY';

/** A calendar date and, for a date-time, a wall-clock time. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Offset from UTC in minutes when the text gave one (Z, +08:00). */
  offset?: number;
}

const time = String.raw`(?:[ T]+(\d{1,2})[:时](\d{1,2})分?(?::?(\d{1,2})(?:\.\d+)?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?`;
const yearFirst = new RegExp(String.raw`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?${time}$`, 'i');
const compact = new RegExp(String.raw`^(\d{4})(\d{2})(\d{2})${time}$`, 'i');
const yearLast = new RegExp(String.raw`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})${time}$`, 'i');
/** Excel's day numbers (1 = 1900-01-01, with its phantom 1900-02-29): 1950 to 2100. */
const serial = /^(\d{5})(?:\.\d+)?$/;

function offsetMinutes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.toUpperCase() === 'Z') return 0;
  const digits = text.replace(':', '');
  const minutes = Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5));
  return digits.startsWith('-') ? -minutes : minutes;
}

function real(parts: DateParts): DateParts | undefined {
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return parts;
}

function withTime(year: number, month: number, day: number, match: RegExpMatchArray, from: number): DateParts | undefined {
  const offset = offsetMinutes(match[from + 3]);
  return real({
    year, month, day,
    hour: Number(match[from] ?? 0), minute: Number(match[from + 1] ?? 0), second: Number(match[from + 2] ?? 0),
    ...(offset === undefined ? {} : { offset }),
  });
}

function fromSerial(days: number): DateParts | undefined {
  if (days < 18_264 || days > 73_051) return undefined;
  const date = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0, second: 0 };
}

/**
 * Reads the dates people type and spreadsheets write: 2024-03-05, 2024/3/5, 2024.3.5, 2024年3月5日,
 * 20240305, 05/03/2024 (by `order`, unless one part is over 12), Excel day numbers (45356), each
 * with an optional time (14:30, 14:30:15, 14时30分) and offset (Z, +08:00). Undefined when none fits
 * or the date does not exist (2024-02-30).
 */
export function parseDateParts(text: string, order: DateOrder = 'MDY'): DateParts | undefined {
  const value = text.normalize('NFKC').trim();
  let match = yearFirst.exec(value) ?? compact.exec(value);
  if (match) return withTime(Number(match[1]), Number(match[2]), Number(match[3]), match, 4);
  match = yearLast.exec(value);
  if (match) {
    const first = Number(match[1]);
    const second = Number(match[2]);
    const dayFirst = first > 12 || (second <= 12 && order === 'DMY');
    return withTime(Number(match[3]), dayFirst ? second : first, dayFirst ? first : second, match, 4);
  }
  match = serial.exec(value);
  return match ? fromSerial(Number(match[1])) : undefined;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** The date as YYYY-MM-DD. */
export function isoDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes `timeZone` is ahead of UTC at the instant `utcMs`. */
function zoneOffset(utcMs: number, timeZone: string): number {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    zoneFormats.set(timeZone, format);
  }
  const fields = Object.fromEntries(format.formatToParts(utcMs).map((part) => [part.type, Number(part.value)]));
  return (Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!, fields.second!) - utcMs) / 60_000;
}

/** The instant as ISO 8601 UTC: a wall-clock time without an offset is read in `timeZone`. */
export function isoInstant(parts: DateParts, timeZone: string): string {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  let offset = parts.offset;
  if (offset === undefined) {
    offset = zoneOffset(wall, timeZone);
    offset = zoneOffset(wall - offset * 60_000, timeZone);
  }
  return new Date(wall - offset * 60_000).toISOString();
}
