/** Documents: the JSON Schemas of every document kind, their generated types, and validation. */
export type * from './generated-types.js';
export { documentValidator, createAjv, schemasDirectory, type DocumentKind } from './schema-registry.js';
export { ajvErrorsToFieldErrors } from './ajv-errors.js';
export { validateBlueprint } from './validate-blueprint.js';
export { validateView } from './validate-view.js';
export { checkView } from './check-view.js';
export { modelBlueprint, joinTableName, type BlueprintModel, type ObjectModel } from './blueprint-model.js';
export { systemColumns, isReservedName, identifierPattern } from './reserved-names.js';
export {
  valueKindOf, operatorsFor, operatorsForKind, hasColumn, isReadOnly, decimalShape, maxTextLength,
  type FilterOperator, type ValueKind,
} from './field-types.js';
export { fieldValueSchema } from './value-schema.js';
export { createRecordAjv, fitsDecimal } from './record-ajv.js';
export { resolveFieldPath, type ResolvedPath, type PathHop } from './field-path.js';
export { checkFilterReferences, encryptedOperators } from './check-filter-references.js';
export { conditionValueValidator } from './condition-value.js';
