import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { likenessOf, type Likeness } from './pair-fields.js';

const colors: Record<Likeness, string> = { alike: 'success', different: 'warning', empty: 'default' };

/** The backgrounds of a compared line's values: green when alike, orange when not. */
export const likenessBackground: Record<Likeness, string | undefined> = { alike: '#f6ffed', different: '#fff7e6', empty: undefined };

/** A compared field's similarity as a percentage, green from 0.9, orange below; a dash when a side is empty. */
export function SimilarityTag({ similarity }: { similarity: number | null | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const likeness = likenessOf(similarity);
  if (likeness === undefined) return null;
  const text = typeof similarity === 'number' ? format.number(similarity, { style: 'percent', maximumFractionDigits: 0 }) : t('duplicates.pair.oneEmpty');
  return <Tag color={colors[likeness]} data-likeness={likeness} style={{ marginInlineEnd: 0 }}>{text}</Tag>;
}
