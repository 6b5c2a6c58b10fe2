import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { ModelField, ModelObject } from '../api/workspace-model.js';
import type { Formatters } from '../i18n/formatters.js';
import { recordPath, recordTitle } from './record-title.js';

function related(slug: string, target: ModelObject | undefined, value: unknown, format: Formatters, t: TFunction) {
  if (typeof value !== 'object' || value === null || !('id' in value)) return value === null || value === undefined ? '' : String(value);
  const record = value as Record<string, unknown>;
  const title = recordTitle(target, record, format, t);
  return target ? <Link to={recordPath(slug, target.name, String(record.id))}>{title}</Link> : title;
}

/** What a cell of a relation shows: the embedded records' titles, linked to their pages (the id when the list could not embed them). */
export function RelationCell({ slug, field, objects, value, format, t }: {
  slug: string; field: ModelField; objects: ModelObject[]; value: unknown; format: Formatters; t: TFunction;
}) {
  const target = objects.find((candidate) => candidate.name === field.relation?.target);
  if (!Array.isArray(value)) return <>{related(slug, target, value, format, t)}</>;
  return (
    <>
      {value.map((item, index) => (
        <span key={index}>{index > 0 && ', '}{related(slug, target, item, format, t)}</span>
      ))}
    </>
  );
}
