/**
 * The document types the studio edits, generated from schemas/*.schema.json (the single source):
 * type-only imports, erased from the bundle.
 */
export type {
  Blueprint, Cleaning, DedupeRule, Field, FieldSource, Filter, FilterCondition, Form, FuzzyMatching, FormField, FormSection, ImportMapping, LocalizedText, Matching, ObjectDefinition, Relation, View,
} from '../../../core/src/documents/generated-types.js';
