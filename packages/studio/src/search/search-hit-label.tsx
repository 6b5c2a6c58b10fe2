import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { titleFieldOf } from '../forms/record-title.js';
import { useFormat } from '../i18n/format.js';
import { displayValue } from '../records/display-value.js';
import { hitFieldsText } from './hit-fields-text.js';
import type { SearchHit } from './use-global-search.js';

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * A search hit as text (never HTML): its title, beneath it the field that matched, or with
 * `detailed` every value the server sent, the matched one first. The title keeps the colour of
 * what holds it (a link on the search page).
 */
export function SearchHitLabel({ hit, object, objectName, detailed = false }: { hit: SearchHit; object: ModelObject | undefined; objectName: string; detailed?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const titleName = titleFieldOf(object);
  const titleField = object?.fields.find((field) => field.name === titleName);
  const titleText = titleField ? displayValue(titleField, hit.title, format, t) : hit.title === null || hit.title === undefined ? '' : String(hit.title);
  const title = titleText.trim() || t('record.untitled', { object: format.label(object?.label, objectName) });
  const names = [...(hit.matched ? [hit.matched] : []), ...(detailed ? Object.keys(hit.values ?? {}) : [])];
  const details = hitFieldsText(hit, names, object, format, t);
  return (
    <span style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <span style={ellipsis}>{title}</span>
      {details && <span style={{ ...ellipsis, fontSize: 12, color: 'rgba(0, 0, 0, 0.45)' }}>{details}</span>}
    </span>
  );
}
