/**
 * What the studio reads of imports: the API's types from core (type-only imports, erased from the
 * bundle), and the mapping document's from its schema (api/documents.ts).
 */
import type { Matching } from '../api/documents.js';

export type { Cleaning, FieldSource, ImportMapping } from '../api/documents.js';
export type { ImportCounts, ImportPreview, ImportSummary, MappingTemplate, RowOutcome, UndoResult } from '../../../core/src/import/index.js';

/** What a duplicate does, and how a merge picks each field's value (from the mapping schema). */
export type MatchAction = NonNullable<Matching['action']>;
export type MergeRule = NonNullable<Matching['merge']>[string];
