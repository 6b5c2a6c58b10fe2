import type { TFunction } from 'i18next';
import type { SchemaProblem } from './schema-problems.js';

// Patterns of common.schema.json with a sentence of their own: a regular expression is no message.
const namedPatterns: Record<string, string> = {
  '^[a-z][a-z0-9_]{0,62}$': 'identifier',
  '^[a-z0-9][a-z0-9_-]{0,63}$': 'stableId',
};

const types = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean', 'null']);

function typeName(type: unknown, t: TFunction): string {
  const list = Array.isArray(type) ? type : [type];
  return list.map((name) => (types.has(String(name)) ? t(`views.json.type.${String(name)}`) : String(name))).join(' / ');
}

/** A schema problem in words of the current language. */
export function problemMessage(problem: SchemaProblem, t: TFunction): string {
  const { params } = problem;
  const limit = params.limit;
  switch (problem.keyword) {
    case 'required': return t('views.json.problem.required', { name: params.missingProperty });
    case 'additionalProperties': return t('views.json.problem.unknownProperty', { name: params.additionalProperty });
    case 'enum': return t('views.json.problem.enum', { values: (params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ') });
    case 'const': return t('views.json.problem.const', { value: JSON.stringify(params.allowedValue) });
    case 'type': return t('views.json.problem.type', { type: typeName(params.type, t) });
    case 'pattern': {
      const named = namedPatterns[String(params.pattern)];
      return named ? t(`views.json.problem.${named}`) : t('views.json.problem.pattern', { pattern: params.pattern });
    }
    case 'minLength': case 'maxLength': case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': case 'minItems': case 'maxItems':
      return t(`views.json.problem.${problem.keyword}`, { limit });
    case 'uniqueItems': return t('views.json.problem.uniqueItems', { first: Number(params.j) + 1, second: Number(params.i) + 1 });
    case 'anyOf': return t('views.json.problem.anyOf');
    default: return t('views.json.problem.other', { keyword: problem.keyword });
  }
}
