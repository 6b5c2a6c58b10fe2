import { Col, Row } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import type { RecordRow } from '../records/use-records.js';
import { ChannelIdentitiesCard } from './channel-identities-card.js';
import type { Customer360Layout } from './customer-360-layout.js';
import { CustomerBlockCard } from './customer-block-card.js';
import { CustomerFigures } from './customer-figures.js';
import { CustomerProfileCard } from './customer-profile-card.js';
import { CustomerTagsCard } from './customer-tags-card.js';
import { useIncludedRecord } from './use-included-record.js';

/**
 * A customer at a glance for a store clerk: profile, channel identities and tags on the left; key
 * figures and the latest orders, interactions, open tasks, points and coupons on the right, each
 * block read on its own (in parallel) and absent when the blueprint or the role lacks it.
 */
export function Customer360({ slug, model, object, layout, record, revealed, reveal }: {
  slug: string; model: WorkspaceModel; object: ModelObject; layout: Customer360Layout; record: RecordRow;
  /** Whether `record` holds the plain personal values; `reveal` offers them when not. */
  revealed: boolean; reveal: ReactNode;
}) {
  const { t } = useTranslation();
  const id = String(record.id);
  const included = useIncludedRecord(slug, object.name, id, layout.include);
  return (
    <section aria-label={t('record.c360.label')} style={{ marginBottom: 8 }}>
      <Row gutter={16}>
        <Col xs={24} lg={9} xxl={7}>
          <ErrorAlert error={included.error} />
          <CustomerProfileCard slug={slug} model={model} fields={layout.profile} record={record} included={included.data} reveal={reveal} />
          <ChannelIdentitiesCard identities={layout.identities} record={record} revealed={revealed} />
          {layout.tags && (
            <CustomerTagsCard slug={slug} object={layout.tags.object} tags={included.data?.[layout.tags.field.name]} loading={included.isPending && !included.error} />
          )}
        </Col>
        <Col xs={24} lg={15} xxl={17}>
          <CustomerFigures fields={layout.figures} record={record} />
          {layout.blocks.map((block) => <CustomerBlockCard key={block.kind} slug={slug} block={block} id={id} />)}
        </Col>
      </Row>
    </section>
  );
}
