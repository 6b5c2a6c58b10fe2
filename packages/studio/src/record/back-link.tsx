import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { listPath } from './record-paths.js';

/** The link back to the object's list, above a record page's title. */
export function BackLink({ slug, object }: { slug: string; object: ModelObject }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Link to={listPath(slug, object.name)} style={{ display: 'inline-flex', gap: 6, marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden />{t('record.back', { object: format.label(object.label, object.name) })}
    </Link>
  );
}
