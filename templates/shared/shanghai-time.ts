/** Milliseconds in an hour. */
export const HOUR = 3_600_000;
/** Milliseconds in a day. */
export const DAY = 24 * HOUR;
/** Asia/Shanghai is UTC+8 all year round. */
export const SHANGHAI_OFFSET = 8 * HOUR;

/** Epoch milliseconds of a wall-clock time in Asia/Shanghai (UTC+8 all year round). */
export function shanghai(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute, second) - SHANGHAI_OFFSET;
}

/** ISO 8601 with the +08:00 offset the merchant sees, e.g. 2026-03-08T20:15:07+08:00. */
export function formatDateTime(ms: number): string {
  return `${new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 19)}+08:00`;
}

/** Calendar date in Asia/Shanghai, YYYY-MM-DD. */
export function formatDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET).toISOString().slice(0, 10);
}
