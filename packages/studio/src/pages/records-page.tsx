import { Button, Empty, Flex, Spin, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { useWorkspaceModel, type ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { displayValue, tableFields } from '../records/display-value.js';
import { RevealButton } from '../records/reveal-button.js';
import { useRecords, type RecordRow } from '../records/use-records.js';

/** The records of one object in a table, personal values masked by the server, revealed on demand. */
export default function RecordsPage() {
  const { slug = '', object: name } = useParams();
  const model = useWorkspaceModel(slug);
  const { t } = useTranslation();
  if (model.error) return <ErrorAlert error={model.error} />;
  if (!model.data) return <Spin />;
  const object = model.data.objects.find((candidate) => candidate.name === name);
  if (!name && model.data.objects[0]) return <Navigate to={model.data.objects[0].name} replace />;
  if (!object) return <Empty description={t('records.noObject')} />;
  return <ObjectRecords key={`${slug}/${object.name}`} slug={slug} object={object} privacy={model.data.capabilities.includes('privacy')} />;
}

function ObjectRecords({ slug, object, privacy }: { slug: string; object: ModelObject; privacy: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const records = useRecords(slug, object.name);
  const [revealed, setRevealed] = useState<Record<string, Record<string, unknown>>>({});
  const fields = tableFields(object.fields);
  const personal = object.fields.some((field) => field.personal);
  const canReveal = object.actions.includes('reveal') && personal;
  // The privacy page is for people: objects holding personal fields.
  const withPrivacy = privacy && personal;
  const rows = records.data?.pages.flatMap((page) => page.data) ?? [];
  const total = records.data?.pages[0]?.page?.total;
  const columns: TableColumnsType<RecordRow> = fields.map((field) => ({
    key: field.name,
    title: format.label(field.label, field.name),
    render: (_: unknown, row: RecordRow) => displayValue(field, revealed[String(row.id)]?.[field.name] ?? row[field.name], format, t),
  }));
  if (canReveal || withPrivacy) {
    columns.push({
      key: '__actions', title: t('common.actions'), fixed: 'right',
      render: (_: unknown, row: RecordRow) => (
        <Flex gap={8}>
          {canReveal && !revealed[String(row.id)] && (
            <RevealButton slug={slug} object={object.name} id={String(row.id)} onRevealed={(values) => setRevealed((all) => ({ ...all, [String(row.id)]: values }))} />
          )}
          {withPrivacy && <Link to={`/w/${encodeURIComponent(slug)}/privacy/${object.name}/${encodeURIComponent(String(row.id))}`}>{t('records.privacy')}</Link>}
        </Flex>
      ),
    });
  }
  return (
    <>
      <PageHeader title={format.label(object.label, object.name)} note={total !== undefined ? t('records.total', { count: total, formatted: format.number(total) }) : undefined} />
      <ErrorAlert error={records.error} />
      <Table<RecordRow>
        rowKey={(row) => String(row.id)} columns={columns} dataSource={rows} pagination={false} size="small"
        loading={records.isPending && !records.error} scroll={{ x: 'max-content' }}
      />
      {records.hasNextPage && (
        <Button style={{ marginTop: 16 }} onClick={() => void records.fetchNextPage()} loading={records.isFetchingNextPage}>{t('common.loadMore')}</Button>
      )}
    </>
  );
}
