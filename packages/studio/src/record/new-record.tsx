import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ModelObject } from '../api/workspace-model.js';
import { PageHeader } from '../components/page-header.js';
import { RecordForm } from '../forms/record-form.js';
import { useFormat } from '../i18n/format.js';
import { BackLink } from './back-link.js';
import { listPath, recordPath } from './record-paths.js';
import { RecordProblem } from './record-problem.js';

/** The page of a record being created (/records/:object/new): the object's form, then the new record's page. */
export function NewRecord({ slug, object }: { slug: string; object: ModelObject }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const objectLabel = format.label(object.label, object.name);
  if (!object.actions.includes('create')) {
    return <RecordProblem status={403} creating backTo={listPath(slug, object.name)} backLabel={t('record.back', { object: objectLabel })} />;
  }
  return (
    <>
      <BackLink slug={slug} object={object} />
      <PageHeader title={t('record.newTitle', { object: objectLabel })} />
      <RecordForm
        slug={slug} object={object.name} editing
        onSaved={(saved) => {
          void client.invalidateQueries({ queryKey: ['records', slug, object.name] });
          void message.success(t('record.created'));
          // Replace: "back" from the new record leads to the list, not to an empty form again.
          void navigate(recordPath(slug, object.name, String(saved.id)), { replace: true });
        }}
        onCancel={() => void navigate(listPath(slug, object.name))}
      />
    </>
  );
}
