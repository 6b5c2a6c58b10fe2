import type { Random } from './random.js';
import { DAY, shanghai } from './shanghai-time.js';

/** First instant of the sample window: the two years ending 2026-10-31. */
export const WINDOW_START = shanghai(2024, 11, 1);
/** Last instant of the sample window. */
export const WINDOW_END = shanghai(2026, 10, 31, 23, 59, 59);
/** Number of calendar days in the sample window. */
export const WINDOW_DAYS = Math.round((WINDOW_END + 1000 - WINDOW_START) / DAY);

/** A whole second between two instants (epoch ms), as timestamps in the data carry no milliseconds. */
export function between(rng: Random, from: number, to: number): number {
  return from + Math.floor((rng.next() * (to - from)) / 1000) * 1000;
}
