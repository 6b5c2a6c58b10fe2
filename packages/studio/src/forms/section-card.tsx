import { Button, Card, Col, Row, Typography } from 'antd';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LaidOutSection } from './compile-form.js';

/** One cell of a section's grid. */
export interface GridItem {
  name: string;
  span: number;
  node: ReactNode;
}

/**
 * A form section as a card: its title as a heading, its fields in a grid of `columns` (each field
 * `span` columns wide, one column on narrow screens), folded while collapsed unless `forceOpen`
 * (a field inside has an error to show).
 */
export function SectionCard({ section, items, forceOpen = false }: { section: LaidOutSection; items: GridItem[]; forceOpen?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(!section.collapsed);
  const bodyId = useId();
  const shown = open || forceOpen;
  return (
    <Card
      size="small" style={{ marginBottom: 16 }} role="group" aria-label={section.title} styles={shown ? undefined : { body: { display: 'none' } }}
      title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{section.title}</Typography.Title>}
      extra={(
        <Button type="link" size="small" aria-expanded={shown} aria-controls={bodyId} onClick={() => setOpen(!shown)}>
          {shown ? t('forms.section.collapse') : t('forms.section.expand')}
        </Button>
      )}
    >
      <div id={bodyId} hidden={!shown}>
        <Row gutter={16}>
          {items.map((item) => <Col key={item.name} xs={24} md={Math.round((24 * item.span) / section.columns)}>{item.node}</Col>)}
        </Row>
      </div>
    </Card>
  );
}
