import { Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelField } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { displayValue } from '../records/display-value.js';
import type { RecordRow } from '../records/use-records.js';
import { SectionTitle } from './section-title.js';

/** The customer's key figures (total spent, orders, points, last order) in large type, formatted for the language. */
export function CustomerFigures({ fields, record }: { fields: ModelField[]; record: RecordRow }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (fields.length === 0) return null;
  // A clerk asks "when did they last buy", not the second: a moment shows as its day.
  const text = (field: ModelField, value: unknown) =>
    field.type === 'datetime' && typeof value === 'string' ? format.date(value) : displayValue(field, value, format, t);
  return (
    <Card size="small" title={<SectionTitle>{t('record.c360.figures')}</SectionTitle>} style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]} wrap>
        {fields.map((field) => (
          <Col key={field.name} xs={12} md={6}>
            <dl style={{ margin: 0 }}>
              <dt><Typography.Text type="secondary">{format.label(field.label, field.name)}</Typography.Text></dt>
              <dd style={{ margin: 0, fontSize: 22, fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>{text(field, record[field.name]) || '—'}</dd>
            </dl>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
