import type { FuzzyMatching } from '../../documents/index.js';
import { valueSimilarity } from './text-similarity.js';

/** Default scores of a fuzzy rule (see the mapping schema). */
export const defaultThreshold = 0.9;
export const defaultReview = 0.75;

/** A candidate's score and each compared field's similarity (null: a side was empty). */
export interface FuzzyScore {
  score: number;
  fields: Record<string, number | null>;
}

/**
 * Scores a candidate against a record: the weighted mean similarity of the compared fields both
 * sides have. Undefined when the fields both have carry less than half the weight: a record with
 * only a matching name is not evidence enough that an address rule was meant to weigh.
 */
export function fuzzyScore(rule: FuzzyMatching, record: Record<string, unknown>, candidate: Record<string, unknown>): FuzzyScore | undefined {
  const fields: Record<string, number | null> = {};
  let total = 0;
  let present = 0;
  let sum = 0;
  for (const [field, weight] of Object.entries(rule.compare)) {
    const similarity = valueSimilarity(record[field], candidate[field]);
    fields[field] = similarity === null ? null : Math.round(similarity * 1000) / 1000;
    total += weight;
    if (similarity === null) continue;
    present += weight;
    sum += weight * similarity;
  }
  if (present === 0 || present * 2 < total) return undefined;
  return { score: Math.round((sum / present) * 1000) / 1000, fields };
}

/** The key of a record's block (the fields a candidate must share), or undefined when one is empty. */
export function blockKey(rule: FuzzyMatching, record: Record<string, unknown>): string | undefined {
  const values = rule.block.map((field) => record[field]);
  if (values.some((value) => value === undefined || value === null || value === '')) return undefined;
  return JSON.stringify(values);
}

/** The thresholds of a rule, defaults applied. */
export function fuzzyBands(rule: FuzzyMatching): { threshold: number; review: number } {
  const threshold = rule.threshold ?? defaultThreshold;
  return { threshold, review: Math.min(rule.review ?? defaultReview, threshold) };
}
