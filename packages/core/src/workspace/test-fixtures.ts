import type { Blueprint } from '../documents/index.js';
import { field, teamsBlueprint } from '../../test/fixtures.js';

/**
 * The blueprint the workspace administration tests fill and copy: people in teams (an autonumber,
 * a many_to_one), teams led by people (so the two tables reference each other) and people who
 * mentor people (a many_to_many).
 */
export function clientBlueprint(): Blueprint {
  const blueprint = teamsBlueprint();
  const [teams, people] = blueprint.objects as [Blueprint['objects'][number], Blueprint['objects'][number]];
  teams.fields.push(field('lead', 'relation', { relation: { kind: 'many_to_one', target: 'people' } }));
  people.fields.push(field('mentors', 'relation', { relation: { kind: 'many_to_many', target: 'people' } }));
  return blueprint;
}
