/**
 * The document types the studio edits, generated from schemas/*.schema.json (the single source):
 * type-only imports, erased from the bundle.
 */
export type {
  Blueprint, Field, Filter, FilterCondition, Form, FormField, FormSection, LocalizedText, ObjectDefinition, Relation, View,
} from '../../../core/src/documents/generated-types.js';
