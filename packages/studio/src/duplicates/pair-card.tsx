import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { duplicateApi } from './duplicate-api.js';
import type { DuplicatePair, PairAction, Resolution } from './duplicate-types.js';
import { chosenValues, pairLines, recordId, type Side } from './pair-fields.js';
import { PairDecision } from './pair-decision.js';
import { PairOutcome } from './pair-outcome.js';
import { PairSource, SideHeader } from './pair-sides.js';
import { PairStatusTag } from './pair-status-tag.js';
import { PairTable } from './pair-table.js';
import { useSideReveal } from './use-side-reveal.js';

/**
 * One likely duplicate side by side, its score, and (while pending) what a person decides: an
 * import row merges into the record, becomes a new one or is skipped; two stored records merge
 * (the chosen one survives, the other is deleted) or are marked as not duplicates. A merge may
 * keep, field by field, the value of the side a person picks.
 */
export function PairCard({ slug, object, pair }: { slug: string; object: ModelObject; pair: DuplicatePair }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { revealed, masked, revealer } = useSideReveal(object);
  const shown = {
    ...pair, record: pair.record && { ...pair.record, ...revealed.left }, incoming: pair.incoming && { ...pair.incoming, ...revealed.left }, candidate: pair.candidate && { ...pair.candidate, ...revealed.right },
  };
  const lines = pairLines(object, shown);
  const leftId = recordId(pair.record);
  const rightId = recordId(pair.candidate);
  const [survivor, setSurvivor] = useState<Side>('right');
  const [choosing, setChoosing] = useState(false);
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const resolve = useMutation({
    mutationFn: (resolution: Resolution) => duplicateApi.resolve(slug, pair.id, resolution),
    onSuccess: async (_resolved, resolution) => {
      void message.success(t(`duplicates.done.${resolution.action}`));
      await Promise.all([
        client.invalidateQueries({ queryKey: ['duplicates', slug] }),
        ...(pair.importId ? [client.invalidateQueries({ queryKey: ['import', slug, pair.importId] })] : []),
      ]);
    },
    // Someone else decided first (409): show it, and the queue as it is now.
    onError: () => client.invalidateQueries({ queryKey: ['duplicates', slug] }),
  });
  const decide = (action: PairAction) => {
    const values = action === 'merge' && choosing ? chosenValues(lines, picks) : {};
    const kept = survivor === 'left' ? leftId : rightId;
    resolve.mutate({
      action,
      ...(action === 'merge' && pair.source === 'dedupe' && kept ? { survivor: kept } : {}),
      ...(Object.keys(values).length > 0 ? { values } : {}),
    });
  };
  const pending = pair.status === 'pending';
  const canMerge = pair.candidate !== null;
  const score = format.number(pair.score, { style: 'percent', maximumFractionDigits: 0 });
  const leftCaption = pair.source === 'import' ? t('duplicates.pair.incoming') : t('duplicates.pair.first');
  return (
    <Card
      size="small" role="article" aria-label={t('duplicates.pair.label', { score })}
      title={<Typography.Text><PairSource slug={slug} pair={pair} /></Typography.Text>}
      extra={<Flex gap={4} align="center"><Tag color="blue">{t('duplicates.pair.score', { score })}</Tag><PairStatusTag status={pair.status} /></Flex>}
    >
      <Flex vertical gap={12}>
        {!canMerge && <Alert type="warning" showIcon title={t('duplicates.pair.candidateGone')} />}
        <PairTable
          object={object} lines={lines}
          left={<SideHeader slug={slug} object={object} record={pair.source === 'import' ? undefined : shown.record} caption={leftCaption} onRevealed={revealer('left')} pairId={pair.id} />}
          right={<SideHeader slug={slug} object={object} record={shown.candidate} caption={t('duplicates.pair.candidate')} onRevealed={revealer('right')} />}
          picks={pending && choosing ? picks : undefined} onPick={(field, side) => setPicks({ ...picks, [field]: side })} masked={masked}
        />
        <ErrorAlert error={resolve.error} />
        {pending ? (
          <PairDecision
            source={pair.source} canMerge={canMerge} survivor={survivor} onSurvivor={setSurvivor} choosing={choosing} onChoosing={setChoosing}
            sending={resolve.isPending ? resolve.variables.action : undefined} onDecide={decide}
          />
        ) : <PairOutcome slug={slug} pair={pair} />}
        {pending && choosing && <Typography.Text type="secondary">{t('duplicates.pair.chooseHelp')}</Typography.Text>}
        {pending && choosing && lines.some((line) => !line.same && (masked(line.field, 'left') || masked(line.field, 'right'))) && <Typography.Text type="secondary">{t('duplicates.pair.maskedHelp')}</Typography.Text>}
      </Flex>
    </Card>
  );
}
