import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointerError } from '../api/api-error.js';
import type { Blueprint, ObjectDefinition, View } from '../api/documents.js';
import { PointerErrors, PointerErrorsContext } from '../components/pointer-errors.js';
import { useLeaveGuard } from '../components/use-leave-guard.js';
import { useFormat } from '../i18n/format.js';
import { ColumnsEditor } from './columns-editor.js';
import { SortEditor } from './sort-editor.js';
import { ViewBasics } from './view-basics.js';
import { isSameView, viewProblems, viewToSave } from './view-draft.js';
import { columnFields, filterFields } from './view-fields.js';
import { ViewFilter } from './view-filter.js';

// Shown while typing; the rest (empty labels, no columns…) once Save was tried, not before the user got there.
const liveCodes = new Set(['nameRule', 'nameReserved', 'nameTaken']);

/** The labels of an object's fields and system columns, in the current language. */
function useFieldLabels(object: ObjectDefinition | undefined): (name: string) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (name) => {
    const field = object?.fields.find((candidate) => candidate.name === name);
    return field ? format.label(field.label, name) : t(`roles.system.${name}`, { defaultValue: name });
  };
}

/** One shared view's editor: object, name, labels, type and lanes, columns, default filter, order, page size. */
export function ViewEditor({ blueprint, initial, isNew, serverErrors, pending, onSave, onDelete }: {
  blueprint: Blueprint; initial: View; isNew: boolean; serverErrors: PointerError[]; pending: boolean; onSave: (view: View) => void; onDelete: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { message } = App.useApp();
  const [draft, setDraft] = useState(initial);
  const [attempted, setAttempted] = useState(false);
  const views = blueprint.views ?? [];
  const object = blueprint.objects.find((candidate) => candidate.name === draft.object);
  const labelOf = useFieldLabels(object);
  const problems = viewProblems(draft, object, views, isNew ? undefined : initial.id);
  const shown: PointerError[] = [
    ...problems.filter((problem) => attempted || liveCodes.has(problem.code)).map((problem) => ({ pointer: problem.pointer, message: t(`views.problem.${problem.code}`) })),
    ...serverErrors,
  ];
  // The draft handed to the change review: leaving after that is the page's navigation, not a loss.
  const [submitted, setSubmitted] = useState<View>();
  const changed = !isSameView(draft, initial) && !(submitted && isSameView(draft, submitted));
  useLeaveGuard(changed, t('views.editor.leaveConfirm'));
  const set = (change: Partial<View>) => setDraft({ ...draft, ...change });
  const save = () => {
    setAttempted(true);
    const saved = viewToSave(draft, views);
    if (problems.length > 0) void message.error(t('views.editor.fixFirst'));
    else if (!isNew && isSameView(saved, initial)) void message.info(t('views.editor.unchanged'));
    else {
      setSubmitted(draft);
      onSave(saved);
    }
  };
  const title = isNew ? t('views.editor.newTitle') : format.label(initial.label, initial.name);
  return (
    <PointerErrorsContext.Provider value={shown}>
      <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ fontSize: 18, margin: 0 }}>{title}</Typography.Title>
        <Flex gap={8}>
          {!isNew && (
            <Popconfirm title={t('views.editor.deleteConfirm', { name: title })} onConfirm={onDelete} okText={t('common.yes')} cancelText={t('common.no')}>
              <Button danger icon={<DeleteOutlined aria-hidden />} disabled={pending}>{t('common.delete')}</Button>
            </Popconfirm>
          )}
          <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={pending} onClick={save}>{t('common.save')}</Button>
        </Flex>
      </Flex>
      <PointerErrors at="" exact />
      <Flex vertical gap={16}>
        <ViewBasics draft={draft} isNew={isNew} blueprint={blueprint} object={object} labelOf={labelOf} onChange={set} />
        <Card size="small" title={<Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{t('views.columns.title')}</Typography.Title>}>
          {object && <ColumnsEditor columns={draft.columns} fields={columnFields(object)} labelOf={labelOf} onChange={(columns) => set({ columns })} />}
        </Card>
        <Card size="small" title={<Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{t('views.filter.title')}</Typography.Title>}>
          {object && (
            <ViewFilter
              filter={draft.filter} onChange={(filter) => set({ filter })}
              fields={filterFields(object).map((field) => ({ value: field.name, label: labelOf(field.name), type: field.type }))}
            />
          )}
        </Card>
        <Card size="small" title={<Typography.Title level={4} style={{ fontSize: 15, margin: 0 }}>{t('views.sort.title')}</Typography.Title>}>
          {object && <SortEditor sort={draft.sort ?? []} object={object} labelOf={labelOf} onChange={(sort) => set({ sort })} />}
        </Card>
      </Flex>
    </PointerErrorsContext.Provider>
  );
}
