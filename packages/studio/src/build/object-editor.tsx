import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Popconfirm, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/api-error.js';
import type { Blueprint, Field, ObjectDefinition } from '../api/documents.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';
import { ArchivedFields } from './archived-fields.js';
import { useBlueprintChange } from './blueprint-change.js';
import { FieldDrawer } from './field-drawer.js';
import { errorsByField } from './field-errors.js';
import { FieldList } from './field-list.js';
import { hasColumn } from './field-rules.js';
import { RemovalConsequences } from './removal-consequences.js';
import { removeFields } from './remove-from-blueprint.js';
import type { ArchiveEntry } from './use-archives.js';
import { useObjectDraft } from './use-object-draft.js';

/** The fields of one object, edited as a draft and applied through the change review. */
export function ObjectEditor({ slug, blueprint, version, objectId, archives }: {
  slug: string; blueprint: Blueprint; version: number; objectId: string; archives: ArchiveEntry[] | null | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { modal } = App.useApp();
  const draft = useObjectDraft(blueprint, objectId, t('build.editor.leaveConfirm'));
  const change = useBlueprintChange(slug);
  const [proposed, setProposed] = useState<Blueprint>();
  // Undefined: closed; { field: undefined }: adding one.
  const [drawer, setDrawer] = useState<{ field: Field | undefined }>();
  const object = draft.object;
  if (!object) return null;
  const errors = errorsByField(change.error instanceof ApiError ? change.error.errors : [], proposed, objectId);
  const archivedIds = (archives ?? []).filter((entry) => entry.kind === 'field' && entry.object_id === objectId).map((entry) => entry.field_id ?? '');
  const takenIds = new Set([...archivedIds, ...object.fields.map((field) => field.id), ...(blueprint.objects.find((candidate) => candidate.id === objectId)?.fields.map((field) => field.id) ?? [])]);
  const review = () => { setProposed(draft.next); change.propose(draft.next, { expectedVersion: version, onApplied: draft.discard }); };
  const archive = (field: Field) => {
    const applied = blueprint.objects.find((candidate) => candidate.id === objectId)?.fields.some((candidate) => candidate.id === field.id);
    // A field added in this draft has no data yet: it just leaves the draft.
    if (!applied) { draft.add({ kind: 'archive_field', id: field.id }); return; }
    const removal = removeFields(draft.next, [{ object: object.name, field: field.name }]);
    modal.confirm({
      title: t('build.fields.archiveTitle', { name: format.label(field.label, field.name) }),
      content: <RemovalConsequences intro={t('build.fields.archiveIntro')} removal={removal} blueprint={draft.next} />,
      okText: t('build.objects.archive'), okButtonProps: { danger: true }, cancelText: t('common.cancel'),
      onOk: () => draft.add({ kind: 'archive_field', id: field.id }),
    });
  };
  const save = (field: Field) => {
    draft.add(drawer?.field ? { kind: 'update_field', id: drawer.field.id, field } : { kind: 'add_field', field });
    setDrawer(undefined);
  };
  return (
    <>
      <EditorHeader slug={slug} object={object} edits={draft.edits.length} pending={change.pending} onDiscard={draft.discard} onReview={review} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex justify="space-between" align="end" wrap gap={12}>
          <TitleFieldPicker object={object} onChange={(name) => draft.add({ kind: 'title_field', name })} />
          <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer({ field: undefined })}>{t('build.fields.add')}</Button>
        </Flex>
      </Card>
      <FieldList fields={object.fields} titleField={object.titleField} failing={new Set(errors.keys())} disabled={change.pending}
        onReorder={(ids) => draft.add({ kind: 'reorder', ids })} onEdit={(field) => setDrawer({ field })} onArchive={archive} />
      <ArchivedFields archives={archives} objectId={objectId} present={object.fields} disabled={change.pending} onRestore={(field) => draft.add({ kind: 'restore_field', field })} />
      {drawer && (
        <FieldDrawer field={drawer.field} object={object} blueprint={draft.next} takenIds={takenIds} errors={drawer.field ? errors.get(drawer.field.id) ?? [] : []}
          onSave={save} onClose={() => setDrawer(undefined)} />
      )}
      {change.dialog}
    </>
  );
}

function EditorHeader({ slug, object, edits, pending, onDiscard, onReview }: {
  slug: string; object: ObjectDefinition; edits: number; pending: boolean; onDiscard: () => void; onReview: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const base = `/w/${encodeURIComponent(slug)}/build`;
  return (
    <PageHeader title={t('build.editor.title', { name: format.label(object.label, object.name) })} note={<code>{object.name}</code>} extra={
      <>
        <Link to={`${base}/objects`}><Button>{t('build.editor.back')}</Button></Link>
        <Link to={`${base}/forms/${encodeURIComponent(object.name)}`}><Button>{t('build.objects.form')}</Button></Link>
        {edits > 0 && <Tag color="orange" style={{ alignSelf: 'center' }}>{t('build.editor.unsaved', { count: edits })}</Tag>}
        <Popconfirm title={t('build.editor.discardConfirm')} onConfirm={onDiscard} okText={t('common.yes')} cancelText={t('common.no')} disabled={edits === 0}>
          <Button disabled={edits === 0 || pending}>{t('build.editor.discard')}</Button>
        </Popconfirm>
        <Button type="primary" disabled={edits === 0} loading={pending} onClick={onReview}>{t('build.editor.review')}</Button>
      </>
    } />
  );
}

function TitleFieldPicker({ object, onChange }: { object: ObjectDefinition; onChange: (name: string | undefined) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Form layout="vertical" style={{ minWidth: 260 }}>
      <Form.Item label={t('build.prop.titleField')} htmlFor="object-title-field" extra={t('build.editor.titleHelp')} style={{ marginBottom: 0 }}>
        <Select id="object-title-field" allowClear value={object.titleField} onChange={(name: string | undefined) => onChange(name)}
          options={object.fields.filter(hasColumn).map((field) => ({ value: field.name, label: `${format.label(field.label, field.name)} (${field.name})` }))} />
      </Form.Item>
    </Form>
  );
}
