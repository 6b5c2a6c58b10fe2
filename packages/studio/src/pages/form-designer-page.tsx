import { Alert, Card, List, Select, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useBlueprint } from '../api/blueprint.js';
import { useWorkspaceModel, type ModelObject } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { PageHeader } from '../components/page-header.js';
import { FormDesigner } from '../forms/form-designer.js';
import { useDefaultForm } from '../forms/use-default-form.js';
import { useFormat } from '../i18n/format.js';

const designerPath = (slug: string, object: string) => `/w/${encodeURIComponent(slug)}/build/forms/${encodeURIComponent(object)}`;

/** The objects of the workspace, each with whether its form is designed: choosing one opens its designer. */
function ObjectPicker({ slug, objects, designed }: { slug: string; objects: ModelObject[]; designed: Set<string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={t('forms.designer.title')}
        extra={<Select aria-label={t('forms.designer.object')} placeholder={t('forms.designer.chooseObject')} style={{ minWidth: 220 }} showSearch={{ optionFilterProp: 'label' }}
          onChange={(name: string) => void navigate(designerPath(slug, name))}
          options={objects.map((object) => ({ value: object.name, label: format.label(object.label, object.name) }))} />}
      />
      <Card size="small">
        <List
          aria-label={t('forms.designer.objects')} dataSource={objects} locale={{ emptyText: t('forms.designer.noObjects') }}
          renderItem={(object) => (
            <List.Item extra={<Tag color={designed.has(object.name) ? 'green' : 'default'}>{designed.has(object.name) ? t('forms.designer.designedTag') : t('forms.designer.defaultTag')}</Tag>}>
              <Link to={designerPath(slug, object.name)}>{format.label(object.label, object.name)}</Link>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}

/** /w/:slug/build/forms/:object? — the form designer of an object, or the choice of one. */
export default function FormDesignerPage() {
  const { slug = '', object: objectName } = useParams();
  const { t } = useTranslation();
  const blueprint = useBlueprint(slug);
  const model = useWorkspaceModel(slug);
  const object = model.data?.objects.find((candidate) => candidate.name === objectName);
  const fallback = useDefaultForm(object);
  const error = blueprint.error ?? model.error;
  if (error) return <ErrorAlert error={error} />;
  if (!blueprint.data || !model.data) return <Spin />;
  const forms = blueprint.data.blueprint.forms ?? [];
  if (objectName === undefined) return <ObjectPicker slug={slug} objects={model.data.objects} designed={new Set(forms.map((form) => form.object))} />;
  if (!object || !fallback) {
    return <Alert type="warning" showIcon title={t('forms.designer.unknownObject', { object: objectName })} action={<Link to={`/w/${encodeURIComponent(slug)}/build/forms`}>{t('forms.designer.chooseObject')}</Link>} />;
  }
  return (
    <FormDesigner
      key={object.name} slug={slug} blueprint={blueprint.data.blueprint} object={object} objects={model.data.objects}
      designed={forms.find((form) => form.object === object.name)} fallback={fallback}
    />
  );
}
