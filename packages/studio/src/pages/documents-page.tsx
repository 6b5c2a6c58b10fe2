import { CheckOutlined, FormatPainterOutlined, UndoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Tag, Typography } from 'antd';
import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../components/error-alert.js';
import { useLeaveGuard } from '../components/use-leave-guard.js';
import { PageHeader } from '../components/page-header.js';
import { BlueprintFileActions } from '../json-documents/blueprint-file-actions.js';
import { checkDocument } from '../json-documents/check-document.js';
import { isDirty } from '../json-documents/document-edit.js';
import { DocumentPicker } from '../json-documents/document-picker.js';
import { DocumentStatus } from '../json-documents/document-status.js';
import { useDocumentTitle } from '../json-documents/document-title.js';
import { JsonEditor } from '../json-documents/json-editor.js';
import { useDocumentEditing } from '../json-documents/use-document-editing.js';

/** The blueprint and each of its objects, views and forms as JSON, edited against their schemas and applied through the change review; export and import of blueprint files. */
export default function DocumentsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const title = useDocumentTitle();
  const editing = useDocumentEditing(slug);
  const { blueprint, change, edit, notice } = editing;
  // Checked a little behind the typing: a large blueprint is parsed once the keys rest, not on each of them.
  const text = useDeferredValue(edit?.text ?? '');
  const kind = edit?.ref.kind ?? 'blueprint';
  const check = useMemo(() => checkDocument(kind, text), [kind, text]);
  // Another document of the page (?doc=) asks in the page (useDocumentEditing); leaving it asks here.
  useLeaveGuard(edit !== undefined && (isDirty(edit) || edit.importName !== undefined), t('views.documents.leaveConfirm'), { pageOwnsSearch: true });
  const data = blueprint.data;
  if (!data || !edit) return blueprint.error ? <ErrorAlert error={blueprint.error} /> : <Spin />;
  const dirty = isDirty(edit);
  const ready = dirty && edit.found && check.status === 'valid' && text === edit.text;
  const name = edit.importName ? t('views.documents.importedFrom', { name: edit.importName }) : title(data.blueprint, edit.ref);
  return (
    <>
      <PageHeader
        title={t('nav.documents')} note={t('views.documents.version', { version: data.version })}
        extra={<BlueprintFileActions slug={slug} version={data.version} blueprint={data.blueprint} onFile={editing.importFile} />}
      />
      {change.dialog}
      {notice && <Alert type={notice.type} showIcon role={notice.type === 'error' ? 'alert' : 'status'} title={t(notice.key, notice.values)} closable={{ onClose: editing.closeNotice }} style={{ marginBottom: 12 }} />}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        {edit.importName ? <Tag color="blue" style={{ fontSize: 14, padding: '4px 8px' }}>{name}</Tag> : <DocumentPicker blueprint={data.blueprint} value={edit.ref} onChange={editing.open} />}
        <Button icon={<FormatPainterOutlined aria-hidden />} disabled={check.status === 'syntax'} onClick={editing.format}>{t('views.documents.format')}</Button>
        <Button icon={<UndoOutlined aria-hidden />} disabled={!dirty && !edit.importName} onClick={editing.revert}>{t('views.documents.revert')}</Button>
        <Button type="primary" icon={<CheckOutlined aria-hidden />} disabled={!ready} loading={change.pending} onClick={editing.apply}>{t('views.documents.apply')}</Button>
      </Flex>
      <div style={{ marginBottom: 12 }}><DocumentStatus check={check} dirty={dirty} found={edit.found} /></div>
      <JsonEditor key={edit.revision} kind={kind} initialText={edit.text} label={t('views.documents.editor', { document: name })} serverProblems={editing.serverProblems} onChange={editing.type} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>{t('views.documents.hint')}</Typography.Paragraph>
    </>
  );
}
