import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useRoles } from '../api/roles.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { localized } from '../i18n/formatters.js';
import { RoleEditor } from '../roles/role-editor.js';
import { copyDocument } from '../roles/role-document.js';

/** A role's permission matrix: editable for custom roles and new ones, read-only for built-in roles. */
export default function RoleEditorPage() {
  const { slug = '', name } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const roles = useRoles(slug);
  const model = useWorkspaceModel(slug);
  const error = roles.error ?? model.error;
  if (error) return <ErrorAlert error={error} />;
  if (!roles.data || !model.data) return <Spin />;
  const objects = model.data.objects;
  if (name === undefined) {
    const source = roles.data.data.find((role) => role.name === params.get('from'));
    const document = copyDocument(source?.document, '');
    if (source) {
      // The copy's label in both languages, whatever language the studio shows now.
      document.label = {
        'zh-CN': t('roles.copyLabel', { lng: 'zh-CN', label: localized(source.label, 'zh-CN', source.name) }),
        en: t('roles.copyLabel', { lng: 'en', label: localized(source.label, 'en', source.name) }),
      };
    }
    return <RoleEditor key={`new:${source?.name ?? ''}`} slug={slug} initial={document} isNew readOnly={false} objects={objects} />;
  }
  const role = roles.data.data.find((candidate) => candidate.name === name);
  if (!role) {
    return <Alert type="warning" showIcon title={t('roles.notFound', { name })} action={<Link to={`/w/${encodeURIComponent(slug)}/roles`}><Button size="small">{t('nav.roles')}</Button></Link>} />;
  }
  return <RoleEditor key={role.name} slug={slug} initial={role.document} isNew={false} readOnly={role.builtIn} objects={objects} />;
}
