import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DedupeRun } from './duplicate-types.js';

const colors: Record<DedupeRun['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/** A dedupe run's status as a coloured tag. */
export function DedupeRunStatusTag({ status }: { status: DedupeRun['status'] }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`duplicates.run.status.${status}`)}</Tag>;
}
