import { Weighted, type Random } from '../../shared/index.js';

type Size = 'small' | 'medium' | 'large' | 'enterprise';

/** A company size with the revenue and deal sizes that go with it. */
export interface SizeBand {
  size: Size;
  /** Yearly revenue range, in CNY 10,000 (万元) as Chinese buyers quote it. */
  revenue: [number, number];
  /** Deal size range, in 万元. */
  deal: [number, number];
}

/** Size bands weighted by how many of the vendor's accounts fall in them. */
export const SIZES = new Weighted<SizeBand>([
  [{ size: 'small', revenue: [500, 8_000], deal: [5, 30] }, 40],
  [{ size: 'medium', revenue: [8_000, 80_000], deal: [15, 120] }, 35],
  [{ size: 'large', revenue: [80_000, 800_000], deal: [50, 500] }, 18],
  [{ size: 'enterprise', revenue: [800_000, 8_000_000], deal: [100, 1_200] }, 7],
]);

/** An amount drawn log-uniformly between bounds in 万元, rounded to whole 万元, returned in cents. */
export function wanYuan(rng: Random, [low, high]: [number, number]): number {
  const wan = Math.round(low * Math.pow(high / low, rng.next()));
  return wan * 10_000 * 100;
}
