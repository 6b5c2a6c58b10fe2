import { Flex, Progress, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { ImportSummary, RowOutcome } from './import-types.js';

const outcomes: RowOutcome[] = ['created', 'updated', 'merged', 'skipped', 'rejected'];

/** Seconds as "1 分 20 秒" / "1 min 20 s", through Intl's units. */
function duration(seconds: number, locale: string): string {
  const minutes = Math.floor(seconds / 60);
  const unit = (value: number, name: 'minute' | 'second') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(Math.round(seconds % 60), 'second')}` : unit(Math.max(1, Math.round(seconds)), 'second');
}

/**
 * An import's progress: rows done of the total (a CSV's total is counted from its line breaks, so
 * the bar is capped below 100 % until the import ends), rows per second and time left since it
 * started, and what became of the rows so far (then `extra`: the rows in review).
 */
export function ImportProgress({ summary, extra }: { summary: ImportSummary; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const active = summary.status === 'queued' || summary.status === 'running';
  const seconds = summary.startedAt ? ((summary.finishedAt ? Date.parse(summary.finishedAt) : Date.now()) - Date.parse(summary.startedAt)) / 1000 : 0;
  const speed = seconds > 0 ? summary.rowsDone / seconds : 0;
  const total = !active ? summary.rowsDone : summary.rowsTotal === null ? null : Math.max(summary.rowsTotal, summary.rowsDone);
  const percent = total ? Math.min(active ? 99 : 100, Math.floor((summary.rowsDone / total) * 100)) : active ? 0 : 100;
  const left = active && total && speed > 0 ? (total - summary.rowsDone) / speed : undefined;
  return (
    <Flex vertical gap={12}>
      <Progress percent={percent} status={summary.status === 'failed' ? 'exception' : active ? 'active' : undefined} aria-label={t('imports.title')} />
      <Typography.Text>
        {total ? t('imports.progress.rows', { done: format.number(summary.rowsDone), total: format.number(total) }) : t('imports.progress.rowsUnknown', { done: format.number(summary.rowsDone) })}
        {speed > 0 && ` · ${t('imports.progress.speed', { speed: format.number(Math.round(speed)) })}`}
        {left !== undefined && ` · ${t('imports.progress.eta', { time: duration(left, i18n.language) })}`}
      </Typography.Text>
      <Flex gap={32} wrap>
        <Flex gap={32} wrap data-testid="import-counts">
          <Statistic title={t('imports.progress.read')} value={format.number(summary.counts.read)} />
          {outcomes.map((outcome) => <Statistic key={outcome} title={t(`imports.outcome.${outcome}`)} value={format.number(summary.counts[outcome])} />)}
        </Flex>
        {extra}
      </Flex>
    </Flex>
  );
}
