import { Alert, Button, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBlueprint } from '../api/blueprint.js';
import { ObjectEditor } from '../build/object-editor.js';
import { useArchives } from '../build/use-archives.js';
import { ErrorAlert } from '../components/error-alert.js';

/** One object's fields: add, edit, reorder, archive and restore them as a draft, then review and apply. */
export default function ObjectEditorPage() {
  const { slug = '', object: name = '' } = useParams();
  const { t } = useTranslation();
  const loaded = useBlueprint(slug);
  const archives = useArchives(slug);
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const object = loaded.data.blueprint.objects.find((candidate) => candidate.name === name);
  if (!object) {
    return <Alert type="warning" showIcon title={t('build.editor.notFound', { name })} action={<Link to={`/w/${encodeURIComponent(slug)}/build/objects`}><Button size="small">{t('build.objects.title')}</Button></Link>} />;
  }
  // Keyed by object: another object's page starts with an empty draft.
  return <ObjectEditor key={object.id} slug={slug} blueprint={loaded.data.blueprint} version={loaded.data.version} objectId={object.id} archives={archives.error ? null : archives.data} />;
}
