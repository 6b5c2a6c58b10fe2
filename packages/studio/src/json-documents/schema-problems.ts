import type { ErrorObject } from 'ajv';

/** One schema error of a document, where the editor underlines it. */
export interface SchemaProblem {
  /** JSON pointer of the value concerned (for an unknown property: the property itself). */
  pointer: string;
  /** Underline the property's name (an unknown property) or the value. */
  mark: 'key' | 'value';
  /** The JSON Schema keyword that failed (required, enum, pattern…; anyOf when no form fits). */
  keyword: string;
  params: Record<string, unknown>;
}

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const within = (path: string, at: string) => path === at || path.startsWith(`${at}/`);
const sameKind = (a: ErrorObject, b: ErrorObject) => a.keyword === b.keyword && JSON.stringify(a.params) === JSON.stringify(b.params);

/** Errors at one place grouped by the schema that raised them: one group per anyOf branch. */
function branches(errors: ErrorObject[]): ErrorObject[][] {
  const groups = new Map<unknown, ErrorObject[]>();
  for (const error of errors) groups.set(error.parentSchema, [...(groups.get(error.parentSchema) ?? []), error]);
  return [...groups.values()];
}

/** The branch that fits the value best (fewest unknown properties, then fewest errors), if only one does. */
function bestBranch(groups: ErrorObject[][]): ErrorObject[] | undefined {
  const score = (group: ErrorObject[]) => group.filter((error) => error.keyword === 'additionalProperties').length * 1000 + group.length;
  const best = Math.min(...groups.map(score));
  const tied = groups.filter((group) => score(group) === best);
  const first = tied[0]!;
  // Branches that fail the same way (a number where every form wants an object) say one thing.
  const alike = tied.every((group) => group.length === first.length && group.every((error, index) => sameKind(error, first[index]!)));
  return tied.length === 1 || alike ? first : undefined;
}

/**
 * Keeps, for each failed anyOf, the errors of the form the value was meant to have: when the
 * value got past a branch's shape (errors deeper inside it), the shape errors of the others go;
 * otherwise the branch that fits best speaks, or the anyOf itself when none stands out.
 */
function withoutOtherBranches(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const anyOf of errors.filter((error) => error.keyword === 'anyOf')) {
    const at = anyOf.instancePath;
    const inside = errors.filter((error) => error !== anyOf && within(error.instancePath, at));
    const here = inside.filter((error) => error.instancePath === at);
    const kept = inside.length > here.length ? [] : (bestBranch(branches(here)) ?? []);
    for (const error of here) if (!kept.includes(error)) dropped.add(error);
    if (inside.length > here.length || kept.length > 0) dropped.add(anyOf);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** Turns ajv's errors (compiled with verbose: true, for the branches) into problems to underline. */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined): SchemaProblem[] {
  // An "if" error only says that its "then" failed; the "then" errors say how.
  const relevant = withoutOtherBranches((errors ?? []).filter((error) => error.keyword !== 'if'));
  return relevant.map((error) => {
    const params = error.params as Record<string, unknown>;
    if (error.keyword === 'additionalProperties') {
      return { pointer: `${error.instancePath}/${escape(String(params.additionalProperty))}`, mark: 'key', keyword: error.keyword, params };
    }
    return { pointer: error.instancePath, mark: 'value', keyword: error.keyword, params };
  });
}
