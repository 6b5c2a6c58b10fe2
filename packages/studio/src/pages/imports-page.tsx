import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { seg } from '../api/client.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { importApi } from '../imports/import-api.js';
import { ImportStatusTag } from '../imports/import-status-tag.js';
import type { ImportSummary } from '../imports/import-types.js';

/** The workspace's past and running imports, newest first, and the way to start one. */
export default function ImportsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const objects = useWorkspaceModel(slug).data?.objects ?? [];
  const list = useQuery({
    queryKey: ['imports', slug],
    queryFn: () => importApi.list(slug),
    refetchInterval: (query) => (query.state.data?.some((item) => item.status === 'queued' || item.status === 'running') ? 2_000 : false),
  });
  const objectLabel = (name: string) => format.label(objects.find((object) => object.name === name)?.label, name);
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(`/w/${seg(slug)}/imports/new`)}>{t('imports.new')}</Button>}
      />
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id" loading={list.isLoading} dataSource={list.data ?? []} locale={{ emptyText: t('imports.list.empty') }} pagination={false}
        columns={[
          { title: t('imports.list.file'), key: 'file', render: (_: unknown, item: ImportSummary) => <Link to={`/w/${seg(slug)}/imports/${seg(item.id)}`}>{item.file.name}</Link> },
          { title: t('imports.list.object'), dataIndex: 'object', render: objectLabel },
          { title: t('imports.list.status'), dataIndex: 'status', render: (status: ImportSummary['status']) => <ImportStatusTag status={status} /> },
          { title: t('imports.list.rows'), key: 'rows', render: (_: unknown, item: ImportSummary) => format.number(item.counts.read) },
          { title: t('imports.outcome.rejected'), key: 'rejected', render: (_: unknown, item: ImportSummary) => format.number(item.counts.rejected) },
          { title: t('imports.list.at'), dataIndex: 'createdAt', render: (at: string) => format.dateTime(at) },
        ]}
      />
    </>
  );
}
