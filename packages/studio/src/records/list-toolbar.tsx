import { FilterOutlined, ImportOutlined, TableOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Input, Popover, Segmented, Select } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { seg } from '../api/client.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { ColumnChooser } from './column-chooser.js';
import { laneFields, type EffectiveList } from './effective-list.js';
import { ExportMenu } from './export-menu.js';
import { conditionCount } from './filter-edit.js';
import type { Layout, ListState } from './list-state.js';

/** The list's controls: quick search, filter, columns, views (`views`), table or kanban and its lanes, import, export. */
export function ListToolbar({ slug, object, list, views, onChange, onOpenFilter }: {
  slug: string; object: ModelObject; list: EffectiveList; views: ReactNode; onChange: (change: Partial<ListState>) => void; onOpenFilter: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const format = useFormat();
  const [search, setSearch] = useState(list.search ?? '');
  const lanes = laneFields(object);
  const filters = conditionCount(list.filter);
  return (
    <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }} role="toolbar" aria-label={t('list.toolbar')}>
      <Input.Search
        aria-label={t('list.search.label')} placeholder={t('list.search.placeholder')} allowClear maxLength={200} style={{ width: 240 }}
        value={search} onChange={(event) => setSearch(event.target.value)} onSearch={(text) => onChange({ search: text.trim() ? text : undefined })}
      />
      <Badge count={filters} size="small">
        <Button icon={<FilterOutlined aria-hidden />} onClick={onOpenFilter} type={filters > 0 ? 'primary' : 'default'} ghost={filters > 0}>
          {filters > 0 ? t('list.filter.buttonActive', { count: filters }) : t('list.filter.button')}
        </Button>
      </Badge>
      <Popover trigger="click" placement="bottomLeft" title={t('list.columns.title')}
        content={<ColumnChooser object={object} columns={list.columns.map((column) => column.field)} onChange={(columns) => onChange({ columns })} onReset={() => onChange({ columns: undefined })} />}>
        <Button icon={<TableOutlined aria-hidden />}>{t('list.columns.button')}</Button>
      </Popover>
      {views}
      {lanes.length > 0 && (
        <Segmented<Layout> aria-label={t('list.layout.label')} value={list.layout} onChange={(layout) => onChange({ layout })}
          options={[{ value: 'table', label: t('list.layout.table') }, { value: 'kanban', label: t('list.layout.kanban') }]} />
      )}
      {list.layout === 'kanban' && lanes.length > 1 && (
        <Select aria-label={t('list.layout.groupBy')} value={list.groupBy} style={{ width: 180 }} onChange={(groupBy: string) => onChange({ groupBy })}
          options={lanes.map((field) => ({ value: field.name, label: t('list.layout.groupByField', { field: format.label(field.label, field.name) }) }))} />
      )}
      {object.actions.includes('import') && (
        <Button icon={<ImportOutlined aria-hidden />} onClick={() => navigate(`/w/${seg(slug)}/imports/new?object=${seg(object.name)}`)}>{t('list.import')}</Button>
      )}
      {object.actions.includes('export') && <ExportMenu slug={slug} object={object} list={list} />}
    </Flex>
  );
}
