import { Button, Flex, Radio, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DuplicatePair, PairAction } from './duplicate-types.js';
import type { Side } from './pair-fields.js';

/** The decisions each kind of pair offers, the merge first. */
const actionsOf: Record<DuplicatePair['source'], PairAction[]> = { import: ['merge', 'create', 'skip'], dedupe: ['merge', 'keep_apart'] };

interface PairDecisionProps {
  source: DuplicatePair['source'];
  /** False when the stored record was deleted since: nothing to merge into. */
  canMerge: boolean;
  survivor: Side;
  onSurvivor: (side: Side) => void;
  choosing: boolean;
  onChoosing: (on: boolean) => void;
  /** The decision being sent, if any. */
  sending: PairAction | undefined;
  onDecide: (action: PairAction) => void;
}

/**
 * What a person decides about a pending pair: for two stored records, which one survives a merge;
 * whether to pick values field by field; then the decision (merge, create, skip, not duplicates).
 */
export function PairDecision({ source, canMerge, survivor, onSurvivor, choosing, onChoosing, sending, onDecide }: PairDecisionProps) {
  const { t } = useTranslation();
  return (
    <Flex gap={12} wrap align="center">
      {source === 'dedupe' && canMerge && (
        <Radio.Group value={survivor} onChange={(event) => onSurvivor(event.target.value as Side)}>
          <Radio value="left">{t('duplicates.pair.keepLeft')}</Radio>
          <Radio value="right">{t('duplicates.pair.keepRight')}</Radio>
        </Radio.Group>
      )}
      {canMerge && (
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <Switch size="small" checked={choosing} onChange={onChoosing} />
          <Typography.Text>{t('duplicates.pair.choose')}</Typography.Text>
        </label>
      )}
      <Flex gap={8} wrap style={{ marginInlineStart: 'auto' }}>
        {actionsOf[source].map((action) => (
          <Button
            key={action} type={action === 'merge' ? 'primary' : 'default'} disabled={(action === 'merge' && !canMerge) || sending !== undefined}
            loading={sending === action} onClick={() => onDecide(action)}
          >
            {t(`duplicates.action.${source}.${action}`)}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
