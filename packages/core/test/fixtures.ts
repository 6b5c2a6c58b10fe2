import type { Blueprint, Field } from '../src/documents/index.js';

/** A bilingual label for test documents. */
export const label = (text: string) => ({ 'zh-CN': text, en: text });

/** A field document with a label. */
export function field(name: string, type: Field['type'], extra: Partial<Field> = {}): Field {
  return { id: name, name, type, label: label(name), ...extra };
}

/** A small two-object blueprint: people who belong to teams. */
export function teamsBlueprint(): Blueprint {
  return {
    label: label('teams'),
    objects: [
      { id: 'teams', name: 'teams', label: label('teams'), fields: [field('name', 'text', { required: true, unique: true, maxLength: 50 })] },
      {
        id: 'people', name: 'people', label: label('people'), titleField: 'name',
        fields: [
          field('name', 'text', { required: true, maxLength: 80 }),
          field('age', 'integer', { min: 0, max: 150 }),
          field('salary', 'money', { currency: 'CNY' }),
          field('email', 'email', { unique: true }),
          field('phone', 'phone'),
          field('status', 'single_select', { options: [{ value: 'active', label: label('active') }, { value: 'gone', label: label('gone') }], default: 'active' }),
          field('skills', 'multi_select', { options: [{ value: 'ts', label: label('ts') }, { value: 'sql', label: label('sql') }] }),
          field('team', 'relation', { relation: { kind: 'many_to_one', target: 'teams' } }),
          field('born', 'date'),
          field('seen_at', 'datetime'),
          field('code', 'autonumber', { autonumber: { pattern: 'P{YYYY}{0000}' } }),
        ],
      },
    ],
  };
}
