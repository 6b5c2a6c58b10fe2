import { DAY, HOUR, SHANGHAI_OFFSET, WINDOW_DAYS, WINDOW_START, Weighted, element, formatDate, type Random } from '../../shared/index.js';
import type { Channel } from './channels.js';

interface CalendarDay {
  weight: number;
  promo: boolean;
}

/** Shoppers buy more at weekends and during 双11 / 618 / 双12, less over the Spring Festival. */
function calendarDay(index: number): CalendarDay {
  const date = new Date(WINDOW_START + index * DAY + SHANGHAI_OFFSET);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
  const stamp = formatDate(WINDOW_START + index * DAY);
  let weight = weekend ? 1.25 : 1;
  let promo = true;
  if (month === 11 && day === 11) weight *= 8;
  else if (month === 11 && day < 11) weight *= 2;
  else if (month === 6 && day === 18) weight *= 5;
  else if (month === 6 && day < 18) weight *= 1.6;
  else if (month === 12 && day === 12) weight *= 2.5;
  else promo = false;
  const springFestival = (stamp >= '2025-01-25' && stamp <= '2025-02-05') || (stamp >= '2026-02-13' && stamp <= '2026-02-24');
  return { weight: springFestival ? weight * 0.5 : weight, promo };
}

const CALENDAR = Array.from({ length: WINDOW_DAYS }, (_, index) => calendarDay(index));
/** Day indexes of the window, weighted by how much shoppers buy on that day. */
export const DAYS = new Weighted(CALENDAR.map((day, index): [number, number] => [index, day.weight]));

// Hour-of-day shape: online peaks late in the evening, stores follow opening hours.
const ONLINE_HOURS = new Weighted(
  [2, 1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 1.5, 2, 3, 3, 3.5, 3, 3, 3, 3, 3, 3.5, 4.5, 6, 7, 6.5, 4].map(
    (weight, hour): [number, number] => [hour, weight],
  ),
);
const STORE_HOURS = new Weighted(
  [1, 2, 2.5, 2, 2.5, 3, 3, 3, 3.5, 4, 3.5, 2].map((weight, offset): [number, number] => [10 + offset, weight]),
);

/** An instant on day `day` of the window, at an hour shoppers of the channel buy at. */
export function timeOnDay(rng: Random, day: number, channel: Channel): number {
  const hour = (channel === 'store' ? STORE_HOURS : ONLINE_HOURS).pick(rng);
  return WINDOW_START + day * DAY + hour * HOUR + rng.int(0, 3599) * 1000;
}

/** Whether the instant falls in a platform sale (双11, 618, 双12). */
export function isPromoTime(ms: number): boolean {
  return element(CALENDAR, Math.floor((ms - WINDOW_START) / DAY)).promo;
}
