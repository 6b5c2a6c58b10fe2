import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { ErrorAlert } from '../components/error-alert.js';
import { NewRecord } from '../record/new-record.js';
import { RecordProblem } from '../record/record-problem.js';
import { RecordView } from '../record/record-view.js';

/** One record (/w/:slug/records/:object/:id), or a new one when the id is `new`. */
export default function RecordPage() {
  const { slug = '', object: name = '', id = '' } = useParams();
  const { t } = useTranslation();
  const model = useWorkspaceModel(slug);
  if (model.error) return <ErrorAlert error={model.error} />;
  if (!model.data) return <Spin />;
  const object = model.data.objects.find((candidate) => candidate.name === name);
  // The model holds only what the role may read: an object missing from it is refused, as the server would.
  if (!object) return <RecordProblem status={403} backTo={`/w/${encodeURIComponent(slug)}/records`} backLabel={t('nav.records')} />;
  if (id === 'new') return <NewRecord key={`${slug}/${name}`} slug={slug} object={object} />;
  // Keyed: another record starts with its own state (tab, edit mode, revealed values).
  return <RecordView key={`${slug}/${name}/${id}`} slug={slug} model={model.data} object={object} id={id} />;
}
