import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelObject, WorkspaceModel } from '../api/workspace-model.js';
import { RecordForm } from '../forms/record-form.js';
import type { RecordRow } from '../records/use-records.js';
import { HistoryTimeline } from './history-timeline.js';
import type { RelatedList } from './related-lists.js';
import { RelatedListsPanel } from './related-lists-panel.js';

/** The tabs a record page shows. */
export type RecordTab = 'details' | 'related' | 'history';

/** What the tabs of a record page need. */
export interface RecordTabsProps {
  slug: string;
  model: WorkspaceModel;
  object: ModelObject;
  record: RecordRow;
  /** Lists of records pointing at this one (none for a deleted record). */
  lists: RelatedList[];
  tab: RecordTab;
  onTab: (tab: RecordTab) => void;
  editing: boolean;
  onSaved: (record: RecordRow) => void;
  onCancel: () => void;
}

/** Details (the designed form, viewed or edited), related lists and history of a record, one tab each. */
export function RecordTabs({ slug, model, object, record, lists, tab, onTab, editing, onSaved, onCancel }: RecordTabsProps) {
  const { t } = useTranslation();
  const id = String(record.id);
  const items = [
    {
      key: 'details',
      label: t('record.tabs.details'),
      // Remounted on a mode switch: the form starts in the mode it is given.
      children: <RecordForm key={editing ? 'edit' : 'view'} slug={slug} object={object.name} record={record} editing={editing} onSaved={onSaved} onCancel={onCancel} />,
    },
    ...(lists.length > 0 ? [{ key: 'related', label: t('record.tabs.related'), children: <RelatedListsPanel slug={slug} lists={lists} id={id} /> }] : []),
    { key: 'history', label: t('record.tabs.history'), children: <HistoryTimeline slug={slug} model={model} object={object} id={id} /> },
  ];
  return <Tabs aria-label={t('record.tabs.label')} activeKey={tab} onChange={(key) => onTab(key as RecordTab)} items={items} />;
}
