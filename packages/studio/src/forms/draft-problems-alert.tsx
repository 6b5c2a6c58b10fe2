import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import type { DraftProblem } from './draft-problems.js';

/** What stops the draft from being saved (errors) or deserves a second look (warnings), each named by its section and field. */
export function DraftProblems({ problems, draft, object, type = 'error' }: { problems: DraftProblem[]; draft: Form; object: ModelObject; type?: 'error' | 'warning' }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (problems.length === 0) return null;
  const where = (pointer: string) => {
    const [, , sectionIndex, , fieldIndex] = pointer.split('/');
    const section = draft.sections[Number(sectionIndex)];
    if (!section) return t('forms.designer.wholeForm');
    const sectionName = format.label(section.title, section.id) || t('forms.designer.untitled');
    const entry = fieldIndex === undefined ? undefined : section.fields[Number(fieldIndex)];
    if (!entry) return t('forms.designer.inSection', { section: sectionName });
    const field = object.fields.find((candidate) => candidate.name === entry.field);
    return t('forms.designer.inField', { section: sectionName, field: field ? format.label(field.label, field.name) : entry.field });
  };
  const language = (pointer: string) => (pointer.endsWith('/zh-CN') ? t('forms.designer.chinese') : pointer.endsWith('/en') ? t('forms.designer.english') : '');
  return (
    <Alert
      type={type} showIcon role="alert" title={t(type === 'error' ? 'forms.designer.problems' : 'forms.designer.warnings', { count: problems.length })} style={{ marginBottom: 16 }}
      description={(
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((problem, index) => (
            <li key={index}>{where(problem.pointer)}{language(problem.pointer) && `（${language(problem.pointer)}）`}{t('forms.record.colon')}{t(problem.key, problem.params)}</li>
          ))}
        </ul>
      )}
    />
  );
}
