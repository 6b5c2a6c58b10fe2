import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { seg } from '../api/client.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { AuditView } from '../audit/audit-view.js';
import { PageHeader } from '../components/page-header.js';
import { useFormat } from '../i18n/format.js';

/** A workspace's audit log: who changed what, when, from where. */
export default function AuditPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const objects = useWorkspaceModel(slug).data?.objects ?? [];
  const fieldLabel = (object: string | null | undefined, field: string) => {
    const label = objects.find((candidate) => candidate.name === object)?.fields.find((candidate) => candidate.name === field)?.label;
    return format.label(label, field);
  };
  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <AuditView
        key={slug} path={`/api/w/${seg(slug)}/audit`} platform={false} fieldLabel={fieldLabel}
        objects={objects.map((object) => ({ value: object.name, label: format.label(object.label, object.name) }))}
      />
    </>
  );
}
