import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Blueprint, View } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';

/** The blueprint's views by object name, in the objects' order (views of an unknown object last). */
function groups(blueprint: Blueprint): { object: string; views: View[] }[] {
  const views = blueprint.views ?? [];
  const names = [...blueprint.objects.map((object) => object.name), ...views.map((view) => view.object)];
  return [...new Set(names)].map((object) => ({ object, views: views.filter((view) => view.object === object) })).filter((group) => group.views.length > 0);
}

/** The shared views of a blueprint grouped by object, each a link to its editor. */
export function ViewList({ blueprint, selected, base }: { blueprint: Blueprint; selected: string | undefined; base: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = groups(blueprint);
  if (list.length === 0) return <Empty description={t('views.page.empty')} />;
  return (
    <nav aria-label={t('views.page.listTitle')}>
      {list.map(({ object, views }) => {
        const definition = blueprint.objects.find((candidate) => candidate.name === object);
        return (
          <section key={object} style={{ marginBottom: 12 }}>
            <Typography.Title level={3} style={{ fontSize: 14, margin: '0 0 4px' }}>
              {definition ? format.label(definition.label, object) : t('views.page.unknownObject', { name: object })}
            </Typography.Title>
            <Flex vertical gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {views.map((view) => (
                <li key={view.id}>
                  <Link to={`${base}/${encodeURIComponent(view.id)}`} aria-current={view.id === selected ? 'page' : undefined} style={{ fontWeight: view.id === selected ? 600 : undefined }}>
                    {format.label(view.label, view.name)}
                  </Link>
                  {view.type === 'kanban' && <Tag style={{ marginInlineStart: 8 }}>{t('views.editor.kanban')}</Tag>}
                </li>
              ))}
            </Flex>
          </section>
        );
      })}
    </nav>
  );
}
