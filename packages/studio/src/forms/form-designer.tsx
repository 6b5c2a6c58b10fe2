import { Alert, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Blueprint, Form } from '../api/documents.js';
import type { ModelObject } from '../api/workspace-model.js';
import { useBlueprintChange } from '../build/blueprint-change.js';
import { useFormat } from '../i18n/format.js';
import { DesignerCanvas } from './designer-canvas.js';
import { DesignerHeader } from './designer-header.js';
import type { Selection } from './designer-section.js';
import { DraftProblems } from './draft-problems-alert.js';
import { draftProblems, draftWarnings, draftToSave } from './draft-problems.js';
import { removeField, removeSection, updateField, updateSection, withForm, withoutForm } from './form-draft.js';
import { FormPreview } from './form-preview.js';
import { SelectionSettings } from './selection-settings.js';
import { useLeaveGuard } from '../components/use-leave-guard.js';

/** What the designer of one object's form starts from. */
export interface FormDesignerProps {
  slug: string;
  blueprint: Blueprint;
  object: ModelObject;
  objects: readonly ModelObject[];
  /** The object's form in the blueprint, if one was designed. */
  designed: Form | undefined;
  /** The default form, the start when none was designed. */
  fallback: Form;
}

/**
 * The form designer of one object: palette and sections (drag and drop), the settings of what is
 * selected and a live preview; Save proposes the blueprint with the form through the plan → apply
 * dialog. Leaving with unsaved changes asks first.
 */
export function FormDesigner({ slug, blueprint, object, objects, designed, fallback }: FormDesignerProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const { propose, dialog, pending } = useBlueprintChange(slug);
  const [saved, setSaved] = useState<Form>(designed ?? fallback);
  const [draft, setDraft] = useState<Form>(saved);
  const [selection, setSelection] = useState<Selection>();
  const [showProblems, setShowProblems] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const leaveQuestion = t('forms.designer.leaveConfirm');
  useLeaveGuard(dirty, leaveQuestion);
  const objectLabel = format.label(object.label, object.name);
  const problems = draftProblems(draft, new Set(object.fields.map((field) => field.name)));
  const warnings = draftWarnings(draft, new Set(object.fields.filter((field) => field.required).map((field) => field.name)));

  const save = () => {
    setShowProblems(true);
    if (problems.length > 0) return;
    const next = draftToSave(draft);
    propose(withForm(blueprint, next), { comment: t('forms.designer.comment', { object: objectLabel }), onApplied: () => { setDraft(next); setSaved(next); } });
  };
  const removeDesign = () => propose(withoutForm(blueprint, object.name), {
    comment: t('forms.designer.removeComment', { object: objectLabel }),
    onApplied: () => { setDraft(fallback); setSaved(fallback); setSelection(undefined); },
  });
  // The leave guard asks first when the draft is unsaved.
  const switchObject = (name: string) => void navigate(`/w/${encodeURIComponent(slug)}/build/forms/${encodeURIComponent(name)}`);

  return (
    <>
      <DesignerHeader
        object={object} objects={objects} designed={designed !== undefined} dirty={dirty} pending={pending} onSwitch={switchObject}
        onUseDefault={() => { setDraft(fallback); setSelection(undefined); }} onRemoveDesign={removeDesign} onSave={save}
      />
      {dirty && <Alert type="info" showIcon title={t('forms.designer.unsaved')} style={{ marginBottom: 16 }} />}
      {showProblems && <DraftProblems problems={problems} draft={draft} object={object} />}
      <DraftProblems type="warning" problems={warnings} draft={draft} object={object} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <DesignerCanvas object={object} draft={draft} onChange={setDraft} selection={selection} onSelect={setSelection} />
        </Col>
        <Col xs={24} xl={12}>
          {selection && (
            <Card size="small" style={{ marginBottom: 16 }}>
              <SelectionSettings
                object={object} draft={draft} selection={selection} onClose={() => setSelection(undefined)}
                onField={(name, patch) => setDraft(updateField(draft, name, patch))}
                onSection={(id, patch) => setDraft(updateSection(draft, id, patch))}
                onRemove={(chosen) => {
                  setDraft(chosen.kind === 'field' ? removeField(draft, chosen.name) : removeSection(draft, chosen.id));
                  setSelection(undefined);
                }}
              />
            </Card>
          )}
          <FormPreview slug={slug} object={object} objects={objects} form={draft} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>{t('forms.designer.hint')}</Typography.Paragraph>
      {dialog}
    </>
  );
}
