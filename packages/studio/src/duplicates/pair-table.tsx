import { Radio, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { FieldValue } from '../record/field-value.js';
import { likenessOf, type PairLine, type Side } from './pair-fields.js';
import { likenessBackground, SimilarityTag } from './similarity-tag.js';

interface PairTableProps {
  object: ModelObject;
  lines: PairLine[];
  left: ReactNode;
  right: ReactNode;
  /** The side chosen per field, when a person picks the values a merge keeps; undefined shows no choice. */
  picks?: Record<string, Side> | undefined;
  onPick?: (field: string, side: Side) => void;
  /** Whether a side's value of a field is masked (personal, not revealed): a merge cannot keep it. */
  masked?: (field: string, side: Side) => boolean;
  /** Whether a merge may set a field (one the caller can write); undefined lets every field be picked. */
  pickable?: (field: string) => boolean;
  /** False for two records no rule compared (a merge chosen by hand): no similarity column. */
  graded?: boolean;
}

/**
 * Two sides of a pair field by field: the compared fields coloured by how alike they are, with
 * their similarity between the sides; where values differ, a choice of which one a merge keeps.
 */
export function PairTable({ object, lines, left, right, picks, onPick, masked, pickable, graded = true }: PairTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const fieldOf = (name: string) => object.fields.find((field) => field.name === name)!;
  const labelOf = (name: string) => format.label(fieldOf(name).label, name);
  const cellStyle = (line: PairLine) => ({ style: { background: likenessBackground[likenessOf(line.similarity) ?? 'empty'] } });
  const value = (line: PairLine, side: Side) => {
    const shown = <FieldValue field={fieldOf(line.field)} value={line[side]} />;
    if (!picks || line.same || pickable?.(line.field) === false) return shown;
    const sideName = t(`duplicates.pair.${side}`);
    return (
      <Radio checked={picks[line.field] === side} disabled={masked?.(line.field, side)} onChange={() => onPick?.(line.field, side)} aria-label={t('duplicates.pair.keepValue', { field: labelOf(line.field), side: sideName })}>
        {shown}
      </Radio>
    );
  };
  return (
    <Table
      rowKey="field" size="small" pagination={false} dataSource={lines} tableLayout="fixed"
      columns={[
        {
          title: t('duplicates.pair.field'), dataIndex: 'field', width: 140,
          render: (name: string, line: PairLine) => <Typography.Text strong={line.similarity !== undefined}>{labelOf(name)}</Typography.Text>,
        },
        { title: left, key: 'left', onCell: cellStyle, render: (_: unknown, line: PairLine) => value(line, 'left') },
        ...(graded ? [{ title: t('duplicates.pair.similarity'), key: 'similarity', width: 96, align: 'center' as const, render: (_: unknown, line: PairLine) => <SimilarityTag similarity={line.similarity} /> }] : []),
        { title: right, key: 'right', onCell: cellStyle, render: (_: unknown, line: PairLine) => value(line, 'right') },
      ]}
    />
  );
}
