import { Card, Empty, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { useFormat } from '../i18n/format.js';
import { recordPath } from '../record/record-paths.js';
import { SectionTitle } from '../record/section-title.js';
import { SearchHitLabel } from './search-hit-label.js';
import { useGlobalSearch } from './use-global-search.js';

const perObject = 20;

/** The results of a search on its page: one card per object (up to 20 records each), every record linking to its page. */
export function SearchResults({ slug, q, model }: { slug: string; q: string; model: WorkspaceModel | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useGlobalSearch(slug, q, perObject);
  if (search.error) return <ErrorAlert error={search.error} />;
  if (!search.data || search.isPlaceholderData) return <Spin />;
  const groups = search.data.data.filter((group) => group.records.length > 0);
  // A full group may have more records than the server sent.
  const countText = (count: number) => t(count >= perObject ? 'record.search.firstN' : 'record.related.count', { count, formatted: format.number(count) });
  if (groups.length === 0) return <Empty description={t('record.search.noResults', { q })} />;
  return (
    <>
      {groups.map((group) => {
        const object = model?.objects.find((candidate) => candidate.name === group.object);
        const label = format.label(group.label ?? object?.label, group.object);
        return (
          <section key={group.object} aria-label={label} style={{ marginBottom: 16 }}>
            <Card size="small" title={<SectionTitle>{label}</SectionTitle>} extra={<Typography.Text type="secondary">{countText(group.records.length)}</Typography.Text>}>
              <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                {group.records.map((hit) => (
                  <li key={hit.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
                    <Link to={recordPath(slug, group.object, hit.id)} style={{ display: 'block' }}>
                      <SearchHitLabel hit={hit} object={object} objectName={group.object} detailed />
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          </section>
        );
      })}
    </>
  );
}
