import { DownloadOutlined, RollbackOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { download, seg } from '../api/client.js';
import { errorText } from '../api/error-text.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { importApi } from '../imports/import-api.js';
import { ImportProgress } from '../imports/import-progress.js';
import { ImportStatusTag } from '../imports/import-status-tag.js';
import { ReviewCount } from '../imports/review-count.js';

/** One import: its progress while it runs (polled every second), then its summary, its rejected rows and its undo. */
export default function ImportPage() {
  const { slug = '', id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const { message } = App.useApp();
  const client = useQueryClient();
  const objects = useWorkspaceModel(slug).data?.objects ?? [];
  const key = ['import', slug, id];
  const summary = useQuery({
    queryKey: key,
    queryFn: () => importApi.get(slug, id),
    refetchInterval: (query) => (query.state.data && ['queued', 'running'].includes(query.state.data.status) ? 1_000 : false),
  });
  const cancel = useMutation({ mutationFn: () => importApi.cancel(slug, id), onSuccess: (next) => client.setQueryData(key, next) });
  const undo = useMutation({
    mutationFn: () => importApi.undo(slug, id),
    onSuccess: async (result) => {
      void message.success(t('imports.detail.undone', { deleted: format.number(result.deleted), restored: format.number(result.restored) }));
      if (result.conflicts.length > 0) void message.warning(t('imports.detail.conflicts', { count: result.conflicts.length }));
      await client.invalidateQueries({ queryKey: key });
    },
  });
  const item = summary.data;
  const active = item?.status === 'queued' || item?.status === 'running';
  const downloadErrors = async () => {
    try {
      await download(importApi.errorFilePath(slug, id, locale), `import-${id}-errors.csv`);
    } catch (error) {
      void message.error(errorText(error, locale, t));
    }
  };
  return (
    <>
      <PageHeader
        title={item ? <>{item.file.name} <ImportStatusTag status={item.status} /></> : t('imports.title')}
        extra={<Link to={`/w/${seg(slug)}/imports`}>{t('imports.detail.back')}</Link>}
      />
      <ErrorAlert error={summary.error ?? cancel.error ?? undo.error} />
      {item && (
        <Flex vertical gap={24} style={{ maxWidth: 960 }}>
          {item.error && <Alert type="error" showIcon title={t('imports.detail.failed', { message: item.error.message[locale] })} />}
          <ImportProgress summary={item} extra={<ReviewCount slug={slug} summary={item} />} />
          <Flex gap={8} wrap>
            {active && (
              <Button icon={<StopOutlined aria-hidden />} disabled={cancel.isSuccess} onClick={() => cancel.mutate()}>
                {cancel.isSuccess ? t('imports.detail.canceling') : t('imports.detail.cancel')}
              </Button>
            )}
            {item.counts.rejected > 0 && <Button icon={<DownloadOutlined aria-hidden />} onClick={() => void downloadErrors()}>{t('imports.detail.errorFile')}</Button>}
            {['done', 'failed', 'canceled'].includes(item.status) && (
              <Popconfirm title={t('imports.detail.undoConfirm')} onConfirm={() => undo.mutate()} okButtonProps={{ danger: true }}>
                <Button danger icon={<RollbackOutlined aria-hidden />} loading={undo.isPending}>{t('imports.detail.undo')}</Button>
              </Popconfirm>
            )}
          </Flex>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'object', label: t('imports.list.object'), children: format.label(objects.find((object) => object.name === item.object)?.label, item.object) },
            { key: 'at', label: t('imports.list.at'), children: format.dateTime(item.createdAt) },
            { key: 'by', label: t('imports.list.by'), children: item.createdByLabel ?? item.createdBy },
            { key: 'mapping', label: t('imports.detail.mapping'), children: <Typography.Text code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(item.mapping.fields)}</Typography.Text> },
          ]} />
        </Flex>
      )}
    </>
  );
}
