/** A JSON Schema or OpenAPI fragment. */
export type Json = Record<string, unknown>;

/** A reference to a component schema. */
export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** A JSON body of the given schema. */
export const json = (schema: Json) => ({ 'application/json': { schema } });
/** An error answer with the shared Error body. */
export const error = (description: string) => ({ description, content: json(ref('Error')) });
/** The workspace path parameter. */
export const workspace = { $ref: '#/components/parameters/workspace' };
/** A record or saved view id in the path. */
export const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
