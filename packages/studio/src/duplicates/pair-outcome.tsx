import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../i18n/format.js';
import { recordPath } from '../record/record-paths.js';
import type { DuplicatePair } from './duplicate-types.js';

/** When a pair was decided, and the record a merge or a creation gave. */
export function PairOutcome({ slug, pair }: { slug: string; pair: DuplicatePair }) {
  const { t } = useTranslation();
  const format = useFormat();
  const result = pair.resultId && (pair.status === 'merged' || pair.status === 'created') ? pair.resultId : undefined;
  return (
    <Typography.Text type="secondary">
      {pair.resolvedAt && t('duplicates.pair.resolvedAt', { at: format.dateTime(pair.resolvedAt) })}
      {result && <> · <Link to={recordPath(slug, pair.object, result)}>{t('duplicates.pair.result')}</Link></>}
    </Typography.Text>
  );
}
