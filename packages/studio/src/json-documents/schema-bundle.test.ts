import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import retail from '../../../../templates/retail/blueprint.json' with { type: 'json' };
import b2b from '../../../../templates/b2b-sales/blueprint.json' with { type: 'json' };
import { documentSchema, type DocumentKind } from './document-schemas.js';
import { bundleSchema, type JsonSchema } from './schema-bundle.js';

const base = 'https://example.test/schemas/';
const common: JsonSchema = { $id: `${base}common.schema.json`, $schema: 'https://json-schema.org/draft/2020-12/schema', $defs: { Name: { type: 'string', pattern: '^[a-z]+$' } } };
const tree: JsonSchema = {
  $id: `${base}tree.schema.json`,
  type: 'object',
  properties: {
    name: { $ref: 'common.schema.json#/$defs/Name' },
    children: { type: 'array', items: { $ref: '#' } },
    leaf: { $ref: 'leaf.schema.json' },
    sample: { const: { $ref: 'not-a-reference' } },
  },
};
const leaf: JsonSchema = { $id: `${base}leaf.schema.json`, type: 'object', properties: { tag: { $ref: '#/$defs/Tag' }, back: { $ref: 'tree.schema.json' } }, $defs: { Tag: { enum: ['a', 'b'] } } };

function compile(schema: JsonSchema) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
  return ajv.compile(schema);
}

describe('bundleSchema', () => {
  it('puts every reached file under $defs and rewrites references as local pointers', () => {
    const bundle = bundleSchema(`${base}tree.schema.json`, [common, tree, leaf]);
    const properties = bundle.properties as Record<string, JsonSchema>;
    expect(properties.name).toEqual({ $ref: '#/$defs/common/$defs/Name' });
    expect(properties.children).toEqual({ type: 'array', items: { $ref: '#' } });
    expect(properties.leaf).toEqual({ $ref: '#/$defs/leaf' });
    expect(bundle.$defs).toEqual({
      common: { $defs: { Name: { type: 'string', pattern: '^[a-z]+$' } } },
      leaf: { type: 'object', properties: { tag: { $ref: '#/$defs/leaf/$defs/Tag' }, back: { $ref: '#' } }, $defs: { Tag: { enum: ['a', 'b'] } } },
    });
  });

  it('leaves values of data keywords alone and keeps the root id', () => {
    const bundle = bundleSchema(`${base}tree.schema.json`, [common, tree, leaf]);
    expect((bundle.properties as Record<string, JsonSchema>).sample).toEqual({ const: { $ref: 'not-a-reference' } });
    expect(bundle.$id).toBe(`${base}tree.schema.json`);
  });

  it('validates through the rewritten references', () => {
    const validate = compile(bundleSchema(`${base}tree.schema.json`, [common, tree, leaf]));
    expect(validate({ name: 'root', children: [{ name: 'kid', leaf: { tag: 'a', back: { name: 'x' } } }] })).toBe(true);
    expect(validate({ children: [{ name: 'Kid', leaf: { tag: 'c' } }] })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath).sort()).toEqual(['/children/0/leaf/tag', '/children/0/name']);
  });

  it('refuses a reference to a schema it was not given, and an unknown root', () => {
    expect(() => bundleSchema(`${base}tree.schema.json`, [tree, leaf])).toThrow(`Schema reference common.schema.json#/$defs/Name in ${base}tree.schema.json names an unknown schema`);
    expect(() => bundleSchema(`${base}nothing.schema.json`, [tree])).toThrow(`Unknown schema ${base}nothing.schema.json`);
  });

  it('refuses a file whose name would replace one of the root\'s own $defs', () => {
    const root: JsonSchema = { $id: `${base}root.schema.json`, properties: { a: { $ref: 'common.schema.json#/$defs/Name' } }, $defs: { common: { type: 'string' } } };
    expect(() => bundleSchema(`${base}root.schema.json`, [root, common])).toThrow(`Schema ${base}common.schema.json would replace $defs/common of ${base}root.schema.json`);
  });
});

describe('documentSchema (the repository\'s schemas)', () => {
  it.each<DocumentKind>(['blueprint', 'object', 'view', 'form'])('bundles %s into a schema ajv compiles in strict mode', (kind) => {
    expect(() => compile(documentSchema(kind))).not.toThrow();
  });

  it('accepts the templates\' blueprints and each of their parts', () => {
    for (const blueprint of [retail, b2b]) {
      expect(compile(documentSchema('blueprint'))(blueprint)).toBe(true);
      const object = compile(documentSchema('object'));
      for (const part of blueprint.objects) expect(object(part)).toBe(true);
      const view = compile(documentSchema('view'));
      for (const part of blueprint.views ?? []) expect(view(part)).toBe(true);
      const form = compile(documentSchema('form'));
      for (const part of blueprint.forms ?? []) expect(form(part)).toBe(true);
    }
  });
});
