import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useBlueprint } from '../api/blueprint.js';
import type { Blueprint, ObjectDefinition } from '../api/documents.js';
import { ArchivedTable } from '../build/archived-table.js';
import { useBlueprintChange } from '../build/blueprint-change.js';
import { addObject, newObject, relabelObject, type NewObject } from '../build/object-changes.js';
import { ObjectFormModal } from '../build/object-form-modal.js';
import { ObjectsTable } from '../build/objects-table.js';
import { RemovalConsequences } from '../build/removal-consequences.js';
import { removeObject } from '../build/remove-from-blueprint.js';
import { presentIds, restorable, useArchives, type ArchiveEntry } from '../build/use-archives.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

/** The objects of a workspace: create, rename and archive them, restore archived ones, open their fields and form. */
export default function ObjectsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const { modal } = App.useApp();
  const loaded = useBlueprint(slug);
  const archives = useArchives(slug);
  const change = useBlueprintChange(slug);
  // Undefined: no dialog; { object: undefined }: creating one.
  const [editing, setEditing] = useState<{ object: ObjectDefinition | undefined }>();
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const { blueprint, version } = loaded.data;
  const propose = (next: Blueprint, onApplied?: () => void) => change.propose(next, { expectedVersion: version, ...(onApplied ? { onApplied } : {}) });
  const archived = archives.data ? restorable(archives.data, presentIds(blueprint)).filter((entry) => entry.kind === 'object') : [];
  const submit = (input: NewObject) => {
    const nameLabel = { 'zh-CN': t('build.objects.nameField', { lng: 'zh-CN' }), en: t('build.objects.nameField', { lng: 'en' }) };
    const next = editing?.object ? relabelObject(blueprint, editing.object.id, input) : addObject(blueprint, newObject(input, nameLabel));
    propose(next, () => setEditing(undefined));
  };
  const archive = (object: ObjectDefinition) => {
    const removal = removeObject(blueprint, object.name);
    modal.confirm({
      title: t('build.objects.archiveTitle', { name: format.label(object.label, object.name) }),
      content: <RemovalConsequences intro={t('build.objects.archiveIntro')} removal={removal} blueprint={blueprint} />,
      okText: t('build.objects.continue'), okButtonProps: { danger: true }, cancelText: t('common.cancel'),
      onOk: () => propose(removal.blueprint),
    });
  };
  const restore = (entry: ArchiveEntry) => propose(addObject(blueprint, entry.definition as ObjectDefinition));
  return (
    <>
      <PageHeader title={t('build.objects.title')} note={t('build.objects.version', { version })}
        extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} disabled={change.pending} onClick={() => setEditing({ object: undefined })}>{t('build.objects.new')}</Button>} />
      <ObjectsTable slug={slug} objects={blueprint.objects} disabled={change.pending} onRename={(object) => setEditing({ object })} onArchive={archive} />
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('build.archives.objects')}</h3>} style={{ marginTop: 24 }}>
        {archives.error ? <ErrorAlert error={archives.error} /> : archives.data === null
          ? <Alert type="info" showIcon title={t('build.archives.unavailable')} />
          : <ArchivedTable entries={archived} disabled={change.pending} onRestore={restore} />}
      </Card>
      {editing && (
        <ObjectFormModal object={editing.object} blueprint={blueprint} archivedIds={archived.map((entry) => entry.object_id)} pending={change.pending}
          onSubmit={submit} onClose={() => setEditing(undefined)} />
      )}
      {change.dialog}
    </>
  );
}
