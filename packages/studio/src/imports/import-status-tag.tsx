import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, RowOutcome } from './import-types.js';

const statusColors: Record<ImportSummary['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error', canceled: 'warning', undone: 'default' };
const outcomeColors: Record<RowOutcome, string> = { created: 'green', updated: 'blue', merged: 'geekblue', skipped: 'default', rejected: 'red', review: 'orange' };

/** An import's status as a coloured tag. */
export function ImportStatusTag({ status }: { status: ImportSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`imports.status.${status}`)}</Tag>;
}

/** What became of a row, as a coloured tag. */
export function OutcomeTag({ outcome }: { outcome: RowOutcome }) {
  const { t } = useTranslation();
  return <Tag color={outcomeColors[outcome]}>{t(`imports.outcome.${outcome}`)}</Tag>;
}
