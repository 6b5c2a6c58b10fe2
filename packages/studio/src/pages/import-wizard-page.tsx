import { InboxOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Progress, Select, Steps, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-error.js';
import { seg } from '../api/client.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { useLocale } from '../i18n/index.js';
import { CleaningSettings } from '../imports/cleaning-settings.js';
import { DuplicateSettings } from '../imports/duplicate-settings.js';
import { importApi, uploadImportFile, type ImportChoice } from '../imports/import-api.js';
import type { ImportMapping, ImportPreview } from '../imports/import-types.js';
import { sendableMapping } from '../imports/mapping-edit.js';
import { MappingTable } from '../imports/mapping-table.js';
import { MappingTemplates } from '../imports/mapping-templates.js';
import { PreviewTable } from '../imports/preview-table.js';
import { SheetPicker, type SheetChoice } from '../imports/sheet-picker.js';

interface Uploaded {
  name: string;
  fileId: string;
}

/** Errors of a sheet that holds no table: another sheet of the workbook may. */
const emptySheet = new Set(['IMPORT_NO_DATA_ROWS', 'IMPORT_EMPTY_FILE', 'IMPORT_UNKNOWN_SHEET']);

/**
 * The import wizard: upload a file (to the server, with progress), check the mapping the server
 * suggests, the cleaning rules and the duplicate strategy, look at what the first rows would
 * become, then start the import, which runs in the background (its page follows it).
 */
export default function ImportWizardPage() {
  const { slug = '' } = useParams();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const format = useFormat();
  const locale = useLocale();
  const navigate = useNavigate();
  const allObjects = useWorkspaceModel(slug).data?.objects ?? [];
  const objects = allObjects.filter((candidate) => candidate.actions.includes('import'));
  const [objectName, setObjectName] = useState(search.get('object') ?? '');
  const object = objects.find((candidate) => candidate.name === objectName);
  const [step, setStep] = useState(0);
  const [uploading, setUploading] = useState<{ name: string; share: number } | undefined>();
  const [uploadError, setUploadError] = useState<unknown>();
  const [uploaded, setUploaded] = useState<Uploaded | undefined>();
  const [sheet, setSheet] = useState<SheetChoice | undefined>();
  // The workbook's sheets, once a preview named them: kept when a later one fails (an empty sheet chosen).
  const [sheets, setSheets] = useState<string[] | undefined>();
  const [mapping, setMapping] = useState<ImportMapping | undefined>();
  const [suggestion, setSuggestion] = useState<ImportPreview['suggestion']>();
  // The last preview of this sheet that succeeded: the mapping stays editable when a change makes the preview fail.
  const [shown, setShown] = useState<ImportPreview | undefined>();

  const choice: ImportChoice | undefined = uploaded && object ? {
    fileId: uploaded.fileId, object: object.name, language: locale, ...(mapping ? { mapping: sendableMapping(mapping) } : {}),
    ...(sheet === undefined ? {} : { sheet }),
  } : undefined;
  const preview = useQuery({
    queryKey: ['import-preview', slug, choice],
    queryFn: async () => {
      const answer = await importApi.preview(slug, choice!);
      if (!mapping) {
        setMapping(answer.mapping);
        setSuggestion(answer.suggestion);
      }
      return answer;
    },
    enabled: choice !== undefined,
    placeholderData: keepPreviousData,
    retry: false,
  });
  useEffect(() => {
    // A workbook the server could not read a table from (an empty first sheet) still names its sheets.
    const named = preview.error instanceof ApiError ? preview.error.details.sheets : undefined;
    if (Array.isArray(named) && named.length > 0) setSheets(named as string[]);
  }, [preview.error]);
  useEffect(() => {
    if (!preview.data || preview.isPlaceholderData) return;
    setShown(preview.data);
    if (preview.data.file.sheets) setSheets(preview.data.file.sheets);
  }, [preview.data, preview.isPlaceholderData]);
  const start = useMutation({
    mutationFn: () => importApi.start(slug, choice!),
    onSuccess: (summary) => navigate(`/w/${seg(slug)}/imports/${seg(summary.id)}`),
  });

  const upload = async (file: File) => {
    if (!object) return;
    setUploadError(undefined);
    setUploading({ name: file.name, share: 0 });
    try {
      const answer = await uploadImportFile(slug, object.name, file, (share) => setUploading({ name: file.name, share }));
      setMapping(undefined);
      setSuggestion(undefined);
      setShown(undefined);
      setSheet(undefined);
      setSheets(undefined);
      setUploaded({ name: file.name, fileId: answer.fileId });
      setStep(1);
    } catch (error) {
      setUploadError(error);
    } finally {
      setUploading(undefined);
    }
  };
  // Another sheet is another table: its columns get their own suggested mapping.
  const chooseSheet = (next: SheetChoice | undefined) => {
    setSheet(next);
    setMapping(undefined);
    setSuggestion(undefined);
    setShown(undefined);
  };

  const read = preview.data ?? shown;
  const current = read ? { ...read, ...(suggestion ? { suggestion } : {}) } : undefined;
  const file = current?.file;
  const workbook = file ? file.format === 'xlsx' : sheets !== undefined || /\.xlsx$/i.test(uploaded?.name ?? '');
  const noTable = preview.error instanceof ApiError && emptySheet.has(preview.error.code);
  const steps = ['upload', 'mapping', 'cleaning', 'duplicates', 'preview'] as const;
  const rejected = current?.rows.filter((row) => row.outcome === 'rejected').length ?? 0;
  return (
    <>
      <PageHeader title={object ? t('imports.newFor', { object: format.label(object.label, object.name) }) : t('imports.new')} />
      <Steps current={step} onChange={(next) => { if (next === 0 || (uploaded && mapping)) setStep(next); }} items={steps.map((key) => ({ title: t(`imports.steps.${key}`) }))} style={{ marginBottom: 24 }} />
      {step === 0 && (
        <Flex vertical gap={16} style={{ maxWidth: 640 }}>
          <label>
            <Typography.Text>{t('imports.upload.object')}</Typography.Text>
            <Select
              aria-label={t('imports.upload.object')} style={{ width: '100%' }} value={objectName || undefined} onChange={setObjectName}
              options={objects.map((candidate) => ({ value: candidate.name, label: format.label(candidate.label, candidate.name) }))}
            />
          </label>
          <Upload.Dragger disabled={!object || uploading !== undefined} showUploadList={false} accept=".csv,.txt,.tsv,.xlsx" beforeUpload={(chosen) => { void upload(chosen); return false; }}>
            <p><InboxOutlined style={{ fontSize: 40 }} aria-hidden /></p>
            <p>{t('imports.upload.drop')}</p>
            <Typography.Text type="secondary">{t('imports.upload.hint')}</Typography.Text>
          </Upload.Dragger>
          {uploading && <div><Typography.Text>{t('imports.upload.uploading', { name: uploading.name })}</Typography.Text><Progress percent={Math.floor(uploading.share * 100)} /></div>}
          <ErrorAlert error={uploadError} />
        </Flex>
      )}
      {step > 0 && <ErrorAlert error={preview.error} />}
      {step > 0 && file && (
        <Alert
          type="info" style={{ marginBottom: 16 }} showIcon
          title={`${uploaded?.name}: ${t('imports.upload.read', { format: file.format.toUpperCase(), encoding: file.encoding ?? '—', delimiter: file.delimiter === '\t' ? 'Tab' : file.delimiter ?? '—', row: file.headerRow, columns: file.headers.length })}`}
        />
      )}
      {step === 1 && (
        <Flex vertical gap={16}>
          {workbook && uploaded && <SheetPicker key={uploaded.fileId} sheets={sheets} value={sheet} noTable={noTable} onChange={chooseSheet} />}
          {object && current && mapping && (
            <>
              <MappingTemplates slug={slug} object={object.name} mapping={mapping} onApply={setMapping} />
              <MappingTable object={object} objects={allObjects} preview={current} mapping={mapping} onChange={setMapping} />
            </>
          )}
        </Flex>
      )}
      {step === 2 && mapping && <CleaningSettings mapping={mapping} onChange={setMapping} />}
      {step === 3 && object && mapping && <DuplicateSettings object={object} mapping={mapping} onChange={setMapping} />}
      {step === 4 && object && current && mapping && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t('imports.preview.note', { count: current.rows.length })}{rejected > 0 && ` · ${t('imports.outcome.rejected')} ${rejected}`}</Typography.Text>
          <PreviewTable object={object} preview={current} mapping={mapping} />
          <ErrorAlert error={start.error} />
        </Flex>
      )}
      {step > 0 && (
        <Flex gap={8} style={{ marginTop: 24 }}>
          <Button onClick={() => setStep(step - 1)}>{t('common.back')}</Button>
          {step < 4 && <Button type="primary" disabled={!mapping || preview.isError} onClick={() => setStep(step + 1)}>{t(`imports.steps.${steps[step + 1]}`)} →</Button>}
          {step === 4 && <Button type="primary" loading={start.isPending} disabled={preview.isFetching || preview.isError} onClick={() => start.mutate()}>{t('imports.preview.start')}</Button>}
        </Flex>
      )}
    </>
  );
}
