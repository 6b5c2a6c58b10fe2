import type { FuzzyMatching } from './duplicate-types.js';

/** The score from which a likely duplicate is the same record, unless the rule says otherwise. */
export const defaultThreshold = 0.9;
/** The score from which a likely duplicate waits for review, unless the rule says otherwise. */
export const defaultReview = 0.75;

const blockFirst = ['district', 'city', 'province', 'name'];
const compareFirst = ['name', 'address', 'street', 'email'];

/**
 * A first rule over the given fields, for a person to adjust: candidates share the most local
 * place field there is (else the name, else the first field), and are compared by name (weighing
 * double) and address where they exist.
 */
export function defaultFuzzy(fields: string[]): FuzzyMatching | undefined {
  const block = blockFirst.find((name) => fields.includes(name)) ?? fields[0];
  if (!block) return undefined;
  const compared = compareFirst.filter((name) => name !== block && fields.includes(name)).slice(0, 2);
  const others = compared.length > 0 ? compared : [fields.find((name) => name !== block) ?? block];
  // A name says more than the rest: it weighs double.
  return { block: [block], compare: Object.fromEntries(others.map((name) => [name, name === 'name' ? 2 : 1])) };
}

/** The compare fields after a selection changes: fields kept keep their weight, new ones weigh 1. */
export function withCompared(rule: FuzzyMatching, fields: string[]): FuzzyMatching {
  return { ...rule, compare: Object.fromEntries(fields.map((name) => [name, rule.compare[name] ?? 1])) };
}

/** The rule with new thresholds, the review score held at or under the threshold. */
export function withScores(rule: FuzzyMatching, scores: { threshold?: number; review?: number }): FuzzyMatching {
  const threshold = scores.threshold ?? rule.threshold ?? defaultThreshold;
  const review = Math.min(scores.review ?? rule.review ?? defaultReview, threshold);
  return { ...rule, threshold, review };
}

/** Whether the rule can be sent: a block field and a compare field at least. */
export function isComplete(rule: FuzzyMatching | undefined): rule is FuzzyMatching {
  return rule !== undefined && rule.block.length > 0 && Object.keys(rule.compare).length > 0;
}
