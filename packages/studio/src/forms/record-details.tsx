import { Typography } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelField } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { displayValue } from '../records/display-value.js';
import type { LiveForm } from './apply-conditions.js';
import type { CompiledForm } from './compile-form.js';
import { SectionCard } from './section-card.js';

function idsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  return list.map((item) => (typeof item === 'object' && item !== null && 'id' in item ? String((item as { id: unknown }).id) : String(item)));
}

/** A value as text: options by label, numbers and dates in the user's language, related records by title. */
function ValueText({ field, value, titles }: { field: ModelField; value: unknown; titles: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Typography.Text type="secondary">{t('forms.view.empty')}</Typography.Text>;
  }
  if (field.type === 'relation') return <>{idsOf(value).map((id) => titles[id] ?? id).join('、')}</>;
  if (field.type === 'json') return <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(value, null, 2)}</pre>;
  const text = displayValue(field, value, format, t);
  return <span style={{ whiteSpace: field.type === 'long_text' ? 'pre-wrap' : undefined, wordBreak: 'break-word' }}>{text}</span>;
}

function DetailItem({ field, label, value, titles }: { field: ModelField; label: string; value: unknown; titles: Readonly<Record<string, string>> }) {
  const labelId = useId();
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary" id={labelId} style={{ display: 'block', fontSize: 12 }}>{label}</Typography.Text>
      <div aria-labelledby={labelId} role="group">
        <ValueText field={field} value={value} titles={titles} />
      </div>
    </div>
  );
}

/**
 * A record shown read-only in its form's layout: the same sections, grid and visibleWhen as the
 * form, each value as text (never HTML).
 */
export function RecordDetails({ compiled, live, record, titles }: {
  compiled: CompiledForm; live: LiveForm; record: Readonly<Record<string, unknown>>; titles: Readonly<Record<string, string>>;
}) {
  const label = (name: string) => (compiled.schema.properties?.[name] as { title?: string } | undefined)?.title ?? name;
  return (
    <>
      {compiled.sections.filter((section) => !live.hiddenSections.has(section.id)).map((section) => {
        const items = section.fields.filter((field) => !live.hiddenFields.has(field.name)).map((field) => ({
          name: field.name, span: field.span,
          node: <DetailItem field={compiled.fields[field.name]!} label={label(field.name)} value={record[field.name]} titles={titles} />,
        }));
        return <SectionCard key={section.id} section={section} items={items} />;
      })}
    </>
  );
}
