import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { matchedText } from './matched-text.js';
import type { SearchHit } from './use-global-search.js';

/** A search hit as text: its title, and beneath it the field that matched (as plain text, never HTML). */
export function SearchHitLabel({ hit, object, objectName }: { hit: SearchHit; object: ModelObject | undefined; objectName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = hit.title?.trim() || t('record.untitled', { object: format.label(object?.label, objectName) });
  const matched = matchedText(hit, object, format, t);
  return (
    <span style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
      <Typography.Text ellipsis>{title}</Typography.Text>
      {matched && <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>{matched}</Typography.Text>}
    </span>
  );
}
