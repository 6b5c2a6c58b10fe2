import { Flex, Table, type TableColumnsType, type TableProps } from 'antd';
import { useContext, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PaintingOnServer } from '../first-paint/painting-on-server.js';
import { useFormat } from '../i18n/format.js';
import { BulkBar } from './bulk-bar.js';
import { currentCursor, firstPage, nextPage, previousPage } from './cursor-paging.js';
import type { EffectiveList } from './effective-list.js';
import type { ListParams } from './list-params.js';
import { ListPager } from './list-pager.js';
import type { SortKey } from './list-state.js';
import { recordColumns } from './record-columns.js';
import { recordTitle } from './record-title.js';
import { RevealButton } from './reveal-button.js';
import { useRecords, type RecordRow } from './use-records.js';

type Revealed = Record<string, Record<string, unknown>>;

function actionsColumn(slug: string, object: ModelObject, privacy: boolean, revealed: Revealed, onRevealed: (id: string, values: Record<string, unknown>) => void, actionsLabel: string, privacyLabel: string) {
  const personal = object.fields.some((field) => field.personal);
  const canReveal = object.actions.includes('reveal') && personal;
  // The privacy page is for people: objects holding personal fields.
  const withPrivacy = privacy && personal;
  if (!canReveal && !withPrivacy) return [];
  return [{
    key: '__actions', title: actionsLabel, fixed: 'right' as const,
    render: (_: unknown, row: RecordRow) => (
      <Flex gap={8}>
        {canReveal && !revealed[String(row.id)] && <RevealButton slug={slug} object={object.name} id={String(row.id)} onRevealed={(values) => onRevealed(String(row.id), values)} />}
        {withPrivacy && <Link to={`/w/${encodeURIComponent(slug)}/privacy/${object.name}/${encodeURIComponent(String(row.id))}`}>{privacyLabel}</Link>}
      </Flex>
    ),
  }];
}

/**
 * One page of records in a table, read by keyset cursor (a stack of them for going back), sorted
 * by the server when a header is clicked, with the rows of the page selectable for bulk actions.
 * Personal values come masked; a row's reveal button asks for its values (audited).
 */
export function RecordsTable({ slug, object, objects, list, params, privacy, header, onSort, onPageSize }: {
  slug: string; object: ModelObject; objects: ModelObject[]; list: EffectiveList; params: ListParams; privacy: boolean;
  header: (total: number | undefined) => ReactNode; onSort: (sort: SortKey[]) => void; onPageSize: (size: number) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const paintingOnServer = useContext(PaintingOnServer);
  const [paging, setPaging] = useState(firstPage);
  const [revealed, setRevealed] = useState<Revealed>({});
  const [selected, setSelected] = useState<RecordRow[]>([]);
  const records = useRecords(slug, object.name, params, currentCursor(paging));
  const rows = records.page?.data ?? [];
  const next = records.page?.page?.next_cursor ?? undefined;
  const go = (to: typeof paging) => {
    setSelected([]);
    setPaging(to);
  };
  const context = { slug, object, objects, columns: list.columns, sort: list.sort, revealed, format, t };
  const columns: TableColumnsType<RecordRow> = [
    ...recordColumns(context),
    ...actionsColumn(slug, object, privacy, revealed, (id, values) => setRevealed((all) => ({ ...all, [id]: values })), t('common.actions'), t('records.privacy')),
  ];
  const selectable = object.actions.includes('update') || object.actions.includes('delete');
  const onChange: TableProps<RecordRow>['onChange'] = (_pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    onSort(one?.order && one.columnKey ? [{ field: String(one.columnKey), direction: one.order === 'descend' ? 'desc' : 'asc' }] : []);
  };
  const titles = new Map(rows.map((row) => [String(row.id), recordTitle(object, row, format, t)]));
  return (
    <>
      {header(records.total)}
      <ErrorAlert error={records.error} />
      {selectable && (
        <BulkBar slug={slug} object={object} objects={objects} selected={selected} titleOf={(id) => titles.get(id) ?? `#${id}`}
          onDone={() => setSelected([])} onReload={records.refetch} />
      )}
      <Table<RecordRow>
        // A sticky header is a table of its own whose columns the browser lines up by measuring the
        // rows; the server cannot, and paints one table instead, which lines up by itself.
        rowKey={(row) => String(row.id)} columns={columns} dataSource={rows} pagination={false} size="small" sticky={!paintingOnServer}
        loading={records.loading} scroll={{ x: 'max-content' }} onChange={onChange} showSorterTooltip={false}
        rowSelection={selectable ? { selectedRowKeys: selected.map((row) => String(row.id)), onChange: (_keys, chosen) => setSelected(chosen) } : undefined}
      />
      <ListPager paging={paging} pageSize={list.pageSize} rowsShown={rows.length} hasNext={next !== undefined} loading={records.loading}
        onPrevious={() => go(previousPage(paging))} onNext={() => next && go(nextPage(paging, next))} onPageSize={onPageSize} />
    </>
  );
}
