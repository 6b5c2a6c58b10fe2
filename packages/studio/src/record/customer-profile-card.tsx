import { Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelField, WorkspaceModel } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { RecordRow } from '../records/use-records.js';
import { FieldValue } from './field-value.js';
import { recordPath } from './record-paths.js';
import { recordTitle } from './record-title.js';
import { SectionTitle } from './section-title.js';

/** A many-to-one value: the included record's title linking to it, else a plain link while it loads. */
function RelationValue({ slug, model, field, value }: { slug: string; model: WorkspaceModel; field: ModelField; value: unknown }) {
  const { t } = useTranslation();
  const format = useFormat();
  const target = model.objects.find((object) => object.name === field.relation?.target);
  const embedded = typeof value === 'object' && value !== null ? (value as RecordRow) : undefined;
  const id = embedded ? String(embedded.id) : typeof value === 'string' ? value : undefined;
  if (!id || !target) return null;
  return <Link to={recordPath(slug, target.name, id)}>{embedded ? recordTitle(target, embedded, format, t) : t('common.view')}</Link>;
}

/**
 * The customer's profile at a glance: name, code, level, gender, birthday, contact (masked until
 * revealed, `reveal` offering it), source channel and marketing consent.
 */
export function CustomerProfileCard({ slug, model, fields, record, included, reveal }: {
  slug: string; model: WorkspaceModel; fields: ModelField[]; record: RecordRow; included: RecordRow | undefined; reveal: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const items = fields.map((field) => ({
    key: field.name,
    label: format.label(field.label, field.name),
    children: field.relation?.kind === 'many_to_one'
      ? <RelationValue slug={slug} model={model} field={field} value={included?.[field.name] ?? record[field.name]} />
      : <FieldValue field={field} value={record[field.name]} />,
  }));
  return (
    <Card size="small" title={<SectionTitle>{t('record.c360.profile')}</SectionTitle>} extra={reveal} style={{ marginBottom: 16 }}>
      <Descriptions column={1} size="small" items={items} />
    </Card>
  );
}
