import { Alert, Button, Checkbox, Flex, Form, Input, Modal, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversion, Conversions, MigrationPlan } from '../api/blueprint.js';
import type { Blueprint } from '../api/documents.js';
import type { Names } from './blueprint-names.js';
import { PlanErrors } from './plan-errors.js';
import { PlanSteps } from './plan-steps.js';
import { PlanSummary } from './plan-summary.js';

/** Everything the review dialog shows and the ways the user acts on it. */
export interface ChangeDialogProps {
  open: boolean;
  title: string;
  /** The proposed blueprint is the applied one. */
  unchanged: boolean;
  plan: MigrationPlan | undefined;
  planning: boolean;
  applying: boolean;
  /** The failed plan or apply, shown above the steps. */
  error: unknown;
  /** The next blueprint, to name the places a 422 points at. */
  blueprint: Blueprint | undefined;
  names: Names;
  conversions: Conversions;
  onConversion: (key: string, conversion: Conversion) => void;
  /** Undefined when the change takes no comment (a rollback writes its own). */
  comment: string | undefined;
  onComment: (comment: string) => void;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  onApply: () => void;
  onCancel: () => void;
  onReload: () => void;
}

/**
 * Whether the plan may be applied as it stands: something changed, applicable, no failing step,
 * destructive steps confirmed. A plan without steps applies too: views, forms and labels change no table.
 */
export function canApply(plan: MigrationPlan | undefined, confirmed: boolean, unchanged: boolean): boolean {
  if (!plan || !plan.applicable || unchanged) return false;
  if (plan.steps.some((step) => step.error)) return false;
  return plan.summary.destructive === 0 || confirmed;
}

function PlanBody(props: ChangeDialogProps & { plan: MigrationPlan }) {
  const { t } = useTranslation();
  const { plan } = props;
  if (props.unchanged) return <Alert type="info" showIcon title={t('build.change.noSteps')} />;
  const busy = props.planning || props.applying;
  return (
    <Flex vertical gap={12}>
      {plan.steps.length === 0
        ? <Alert type="info" showIcon title={t('build.change.documentOnly')} />
        : <Flex gap={12} align="center" wrap><Typography.Text strong>{t('build.change.summary', { count: plan.steps.length })}</Typography.Text><PlanSummary summary={plan.summary} /></Flex>}
      {plan.steps.some((step) => step.error) && <Alert type="error" showIcon title={t('build.change.stepErrors')} />}
      {!plan.applicable && <Alert type="warning" showIcon title={t('build.change.notApplicable')} />}
      <PlanSteps steps={plan.steps} names={props.names} control={{ conversions: props.conversions, disabled: busy, onChange: props.onConversion }} />
      {plan.summary.destructive > 0 && (
        <Alert type="error" showIcon title={t('build.change.destructive')} description={
          <Checkbox checked={props.confirmed} disabled={busy} onChange={(event) => props.onConfirm(event.target.checked)}>{t('build.change.confirmDestructive')}</Checkbox>
        } />
      )}
      {props.comment !== undefined && (
        <Form layout="vertical">
          <Form.Item label={t('build.change.comment')} htmlFor="blueprint-change-comment" style={{ marginBottom: 0 }}>
            <Input.TextArea id="blueprint-change-comment" value={props.comment} maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} placeholder={t('build.change.commentPlaceholder')} disabled={busy} onChange={(event) => props.onComment(event.target.value)} />
          </Form.Item>
        </Form>
      )}
    </Flex>
  );
}

/** The review dialog of a blueprint change: the plan in words, conversions to choose, and Apply. */
export function ChangeDialog(props: ChangeDialogProps) {
  const { t } = useTranslation();
  const footer = (
    <>
      <Button onClick={props.onCancel} disabled={props.applying}>{t('common.cancel')}</Button>
      <Button type="primary" loading={props.applying} disabled={props.planning || !canApply(props.plan, props.confirmed, props.unchanged)} onClick={props.onApply}>{t('build.change.apply')}</Button>
    </>
  );
  return (
    <Modal open={props.open} title={props.title} width={760} zIndex={1100} footer={footer} onCancel={props.applying ? undefined : props.onCancel} mask={{ closable: false }} destroyOnHidden>
      <PlanErrors error={props.error} blueprint={props.blueprint} onReload={props.onReload} />
      {props.planning && !props.plan && <Flex justify="center" style={{ padding: 24 }}><Spin tip={t('build.change.planning')}><div style={{ width: 120, height: 40 }} /></Spin></Flex>}
      {props.plan && <Spin spinning={props.planning}><PlanBody {...props} plan={props.plan} /></Spin>}
      {!props.plan && !props.planning && props.error !== null && props.error !== undefined && <Typography.Paragraph type="secondary">{t('build.change.planFailed')}</Typography.Paragraph>}
    </Modal>
  );
}
