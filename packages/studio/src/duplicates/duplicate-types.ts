/**
 * What the studio reads of the duplicates review queue and of dedupe runs: the API's types from
 * core (type-only imports, erased from the bundle), and the rules' from their schemas (api/documents.ts).
 */
import type { DuplicateDecision, DuplicatePair } from '../../../core/src/import/index.js';

export type { DedupeRule, FuzzyMatching } from '../api/documents.js';
export type { DedupeRun, DuplicateDecision as Resolution, DuplicatePair, DuplicateStatus as PairStatus } from '../../../core/src/import/index.js';

/** What a person decides about a pair: import rows merge, create or skip; dedupe pairs merge or stay apart. */
export type PairAction = DuplicateDecision['action'];

/** One page of pairs and how many match the filter. */
export interface DuplicatePage {
  items: DuplicatePair[];
  total: number;
}
