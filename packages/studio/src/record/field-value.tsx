import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelField } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { displayValue } from '../records/display-value.js';
import { safeColor } from './safe-color.js';

/** One value of a record as text in the current language (a dash when empty); a single select as a tag in its option's colour. */
export function FieldValue({ field, value }: { field: ModelField; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text = displayValue(field, value, format, t);
  if (text === '') return <>—</>;
  if (field.type !== 'single_select') return <>{text}</>;
  const color = safeColor(field.options?.find((option) => option.value === value)?.color);
  return <Tag color={color} style={{ marginInlineEnd: 0 }}>{text}</Tag>;
}
