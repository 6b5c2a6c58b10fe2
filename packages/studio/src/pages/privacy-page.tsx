import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { download, seg } from '../api/client.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { ConsentsCard } from '../privacy/consents-card.js';
import { EraseCard } from '../privacy/erase-card.js';

/** A person's data-subject requests: export everything held, consents, erasure. */
export default function PrivacyPage() {
  const { slug = '', object = '', id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [exportError, setExportError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const label = useWorkspaceModel(slug).data?.objects.find((candidate) => candidate.name === object)?.label;
  const base = `/api/w/${seg(slug)}/privacy/${seg(object)}/${seg(id)}`;
  const exportAll = () => {
    setExporting(true);
    setExportError(undefined);
    download(`${base}/export`, `${object}-${id}.json`)
      .then(() => void message.success(t('privacy.exported')))
      .catch(setExportError)
      .finally(() => setExporting(false));
  };
  return (
    <>
      <PageHeader title={t('privacy.title')} note={`${format.label(label, object)} #${id}`} />
      <Card title={t('privacy.export')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('privacy.exportExplain')}</Typography.Paragraph>
        <ErrorAlert error={exportError} />
        <Button icon={<DownloadOutlined aria-hidden />} loading={exporting} onClick={exportAll}>{t('privacy.exportButton')}</Button>
      </Card>
      <ConsentsCard path={`${base}/consents`} />
      <EraseCard path={`${base}/erase`} />
    </>
  );
}
