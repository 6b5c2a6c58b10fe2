import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import type { Filter } from '../api/documents.js';
import { useWorkspaceModel, type ModelObject, type WorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { filterFields } from '../records/filter-fields.js';
import { FilterDrawer } from '../records/filter-drawer.js';
import { KanbanBoard } from '../records/kanban-board.js';
import type { ListState } from '../records/list-state.js';
import { rememberFirstPage } from '../api/early-requests.js';
import { ListToolbar } from '../records/list-toolbar.js';
import { pageList } from '../records/page-list.js';
import { RecordPickerContext } from '../records/record-picker-context.js';
import { RecordsTable } from '../records/records-table.js';
import { recordsUrl } from '../records/use-records.js';
import { useListState } from '../records/use-list-state.js';
import { useSavedViews } from '../records/use-saved-views.js';
import { isSavedViewKey } from '../records/view-choice.js';
import { ViewControls } from '../records/view-controls.js';

/** The records of one object: a server-paged table or a kanban, with filters, columns, views, bulk actions and export. */
export default function RecordsPage() {
  const { slug = '', object: name } = useParams();
  const model = useWorkspaceModel(slug);
  const { t } = useTranslation();
  if (model.error) return <ErrorAlert error={model.error} />;
  if (!model.data) return <Spin />;
  const object = model.data.objects.find((candidate) => candidate.name === name);
  if (!name && model.data.objects[0]) return <Navigate to={model.data.objects[0].name} replace />;
  if (!object) return <Empty description={t('records.noObject')} />;
  return <ObjectRecords key={`${slug}/${object.name}`} slug={slug} object={object} model={model.data} />;
}

/** Choosing a view starts from it: every other part of the URL's state but the search goes. */
const fromView = (view: string | undefined): Partial<ListState> => ({ view, filter: undefined, sort: undefined, columns: undefined, pageSize: undefined, layout: undefined, groupBy: undefined });

function ObjectRecords({ slug, object, model }: { slug: string; object: ModelObject; model: WorkspaceModel }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { state, problems, update } = useListState();
  const [menuOpened, setMenuOpened] = useState(false);
  const [filtering, setFiltering] = useState(false);
  const shared = useMemo(() => model.views.filter((view) => view.object === object.name), [model.views, object.name]);
  const saved = useSavedViews(slug, object.name, menuOpened || isSavedViewKey(state.view));
  const picking = useMemo(() => ({ slug, objects: model.objects }), [slug, model.objects]);
  const { choice, list, params } = useMemo(() => pageList(model, object, state, saved.data?.views), [model, object, state, saved.data?.views]);
  useEffect(() => {
    // An object's default list: its next load asks for this page before the studio's code has loaded.
    if (window.location.search === '' && list.layout === 'table') rememberFirstPage(window.location.pathname, recordsUrl(slug, object.name, params));
  }, [slug, object.name, params, list.layout]);
  const applyFilter = (filter: Filter | undefined) => {
    // Removing every condition of a view's filter is said explicitly, so the link keeps saying it.
    update({ filter: filter ?? (choice.view?.filter ? null : undefined) });
    setFiltering(false);
  };
  const header = (total: number | undefined) => (
    <PageHeader
      title={format.label(object.label, object.name)}
      note={total !== undefined ? t('records.total', { count: total, formatted: format.number(total) }) : undefined}
      extra={object.actions.includes('create') && (
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => void navigate(`/w/${encodeURIComponent(slug)}/records/${encodeURIComponent(object.name)}/new`)}>{t('list.create')}</Button>
      )}
    />
  );
  const views = (
    <ViewControls slug={slug} object={object} list={list} value={state.view} shared={shared} saved={saved.data} savedLoading={saved.isFetching}
      current={choice.saved} canShare={model.capabilities.includes('blueprint')} onOpen={() => setMenuOpened(true)} onChoose={(key) => update(fromView(key))} />
  );
  const waiting = isSavedViewKey(state.view) && saved.isPending;
  // Paging starts over when the rows change (filter, order, size, search), not when columns do: the cursors stay valid.
  const rowsKey = JSON.stringify([list.filter, list.sort, list.pageSize, list.search]);
  return (
    <>
      {problems.length > 0 && <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} title={t('list.urlProblems', { params: problems.join(', ') })} />}
      {choice.missing && <Alert type="warning" showIcon role="alert" style={{ marginBottom: 12 }} title={t('list.views.notFound')} action={<Button size="small" onClick={() => update({ view: undefined })}>{t('list.views.all')}</Button>} />}
      <ErrorAlert error={saved.error} />
      <ListToolbar key={list.search ?? ''} slug={slug} object={object} list={list} views={views} onChange={update} onOpenFilter={() => setFiltering(true)} />
      {filtering && (
        <RecordPickerContext.Provider value={picking}>
          <FilterDrawer filter={list.filter} fields={filterFields(object, format, (column) => t(`roles.system.${column}`))} onApply={applyFilter} onClose={() => setFiltering(false)} />
        </RecordPickerContext.Provider>
      )}
      {waiting ? <Spin /> : list.layout === 'kanban' ? (
        <KanbanBoard key={`${rowsKey}/${list.groupBy}`} slug={slug} object={object} objects={model.objects} list={list} header={header} />
      ) : (
        <RecordsTable key={rowsKey} slug={slug} object={object} objects={model.objects} list={list} params={params} privacy={model.capabilities.includes('privacy')}
          header={header} onSort={(sort) => update({ sort })} onPageSize={(pageSize) => update({ pageSize })} />
      )}
    </>
  );
}
