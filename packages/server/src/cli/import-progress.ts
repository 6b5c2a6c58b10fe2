import cliProgress from 'cli-progress';
import type { ImportProgress } from '@tessera/core';

/** Shows an import's progress on stderr: a bar when the row count is known, a counter line otherwise. */
export interface ProgressDisplay {
  update(progress: ImportProgress): void;
  stop(): void;
}

const counts = ({ counts: { created, updated, merged, skipped, rejected, review } }: ImportProgress) =>
  `新建/created ${created}  更新/updated ${updated}  合并/merged ${merged}  跳过/skipped ${skipped}  拒绝/rejected ${rejected}${review ? `  待审核/review ${review}` : ''}`;

/**
 * A progress display on `stream` (stderr, which stays free of the JSON result). Rows per second
 * count the rows of this run only (`rowsBefore` were done by an earlier, interrupted run).
 */
export function progressDisplay(rowsBefore: number, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  let bar: cliProgress.SingleBar | undefined;
  const startedAt = Date.now();
  return {
    update(progress) {
      const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
      const speed = Math.round((progress.rowsDone - rowsBefore) / seconds);
      const total = progress.rowsTotal === null ? undefined : Math.max(progress.rowsTotal, progress.rowsDone);
      if (total === undefined || !stream.isTTY) {
        stream.write(`\r${progress.rowsDone}${total ? ` / ${total}` : ''} 行/rows  ${speed} 行每秒/rows/s  ${counts(progress)}   `);
        return;
      }
      bar ??= new cliProgress.SingleBar({ stream, format: '{bar} {percentage}% | {value}/{total} | {speed}/s | ETA {eta_formatted} | {counts}', hideCursor: true, etaBuffer: 20 }, cliProgress.Presets.shades_classic);
      if (!bar.isActive) bar.start(total, progress.rowsDone, { speed, counts: counts(progress) });
      bar.setTotal(total);
      bar.update(progress.rowsDone, { speed, counts: counts(progress) });
    },
    stop() {
      if (bar) bar.stop();
      else stream.write('\n');
    },
  };
}
