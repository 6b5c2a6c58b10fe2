import { Card, Flex, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { RecordRow } from '../records/use-records.js';
import { recordPath } from './record-paths.js';
import { recordTitle } from './record-title.js';
import { safeColor } from './safe-color.js';
import { SectionTitle } from './section-title.js';

/** The customer's tags (a many-to-many relation, read with include), each linking to the tag. */
export function CustomerTagsCard({ slug, object, tags, loading }: { slug: string; object: ModelObject; tags: unknown; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = Array.isArray(tags) ? (tags as RecordRow[]) : [];
  return (
    <Card size="small" title={<SectionTitle>{t('record.c360.tags')}</SectionTitle>} style={{ marginBottom: 16 }}>
      {loading && <Spin size="small" />}
      {!loading && list.length === 0 && <Typography.Text type="secondary">{t('record.c360.noTags')}</Typography.Text>}
      <Flex wrap gap={6}>
        {list.map((tag) => (
          <Tag key={String(tag.id)} color={safeColor(tag.color)} style={{ marginInlineEnd: 0 }}>
            <Link to={recordPath(slug, object.name, String(tag.id))} style={{ color: 'inherit' }}>{recordTitle(object, tag, format, t)}</Link>
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}
