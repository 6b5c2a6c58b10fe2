import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PairStatus } from './duplicate-types.js';

const colors: Record<PairStatus, string> = { pending: 'processing', merged: 'geekblue', created: 'green', skipped: 'default', kept_apart: 'purple' };

/** Where a pair stands, as a coloured tag. */
export function PairStatusTag({ status }: { status: PairStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`duplicates.status.${status}`)}</Tag>;
}
