import { EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { importApi } from '../imports/import-api.js';
import { recordPath } from '../record/record-paths.js';
import { recordTitle } from '../record/record-title.js';
import { RevealButton } from '../records/reveal-button.js';
import { errorText } from '../api/error-text.js';
import { useLocale } from '../i18n/index.js';
import { duplicateApi } from './duplicate-api.js';
import type { DuplicatePair } from './duplicate-types.js';
import { recordId } from './pair-fields.js';

/** What a pair comes from: "导入 客户.csv 第 5 行", or the dedupe run that found it. */
export function PairSource({ slug, pair }: { slug: string; pair: DuplicatePair }) {
  const { t } = useTranslation();
  const format = useFormat();
  const imported = useQuery({
    queryKey: ['import', slug, pair.importId],
    queryFn: () => importApi.get(slug, pair.importId!),
    enabled: pair.source === 'import' && pair.importId !== null,
    staleTime: 60_000,
  });
  if (pair.source === 'dedupe') return <>{t('duplicates.pair.fromRun', { at: format.dateTime(pair.createdAt) })}</>;
  return <>{t('duplicates.pair.fromImport', { file: imported.data?.file.name ?? '…', row: pair.rowNumber ?? '?' })}</>;
}

/** Asks the server for an import row's personal values (audited there). */
function IncomingRevealButton({ slug, pairId, onRevealed }: { slug: string; pairId: string; onRevealed: (values: Record<string, unknown>) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { message } = App.useApp();
  const reveal = useMutation({
    mutationFn: () => duplicateApi.reveal(slug, pairId),
    onSuccess: onRevealed,
    onError: (error) => void message.error(errorText(error, locale, t)),
  });
  return <Button size="small" icon={<EyeOutlined aria-hidden />} loading={reveal.isPending} onClick={() => reveal.mutate()}>{t('records.reveal')}</Button>;
}

/**
 * One side's column header: a stored record as a link to its page, with the button that shows its
 * personal values (masked until then) when the role may reveal them, or a record deleted since;
 * or the incoming row (no record).
 */
export function SideHeader({ slug, object, record, caption, onRevealed, pairId }: {
  slug: string;
  object: ModelObject;
  /** Undefined for the incoming row; null for a stored record deleted since. */
  record: Record<string, unknown> | null | undefined;
  caption: string;
  onRevealed?: ((values: Record<string, unknown>) => void) | undefined;
  /** The incoming row's pair: its values are revealed through the queue. */
  pairId?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = recordId(record);
  return (
    <Flex vertical gap={0} align="start">
      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 400 }}>{caption}</Typography.Text>
      {id ? (
        <Flex gap={8} align="center" wrap>
          <Link to={recordPath(slug, object.name, id)}>{recordTitle(object, record, format, t)}</Link>
          {onRevealed && <RevealButton slug={slug} object={object.name} id={id} onRevealed={onRevealed} />}
        </Flex>
      ) : record === null ? <Typography.Text type="secondary">{t('duplicates.pair.gone')}</Typography.Text>
        : onRevealed && pairId && <IncomingRevealButton slug={slug} pairId={pairId} onRevealed={onRevealed} />}
    </Flex>
  );
}
