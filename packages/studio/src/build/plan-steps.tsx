import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conversion, Conversions, PlanStep, StepCheck } from '../api/blueprint.js';
import { useLocale } from '../i18n/index.js';
import type { Names } from './blueprint-names.js';
import { ConversionChoice } from './conversion-choice.js';
import { classColors } from './plan-summary.js';
import { checksOf, conversionKey, violatedChecks } from './step-checks.js';
import { stepText } from './step-words.js';

function exampleValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function CheckReport({ check }: { check: StepCheck }) {
  const { t } = useTranslation();
  if (check.violations === 0) return null;
  return (
    <div>
      <Typography.Text type="warning">{t('build.check.violations', { count: check.violations, rule: t(`build.check.rule.${check.rule}`) })}</Typography.Text>
      {check.conversion && <Typography.Text type="success">{' · '}{t('build.check.converted')}</Typography.Text>}
      {check.examples.length > 0 && (
        <ul aria-label={t('build.check.examples')} style={{ margin: '4px 0', paddingInlineStart: 20, fontSize: 12 }}>
          {check.examples.map((example) => (
            <li key={example.id}>{t('build.check.example', { id: example.id, value: exampleValue(example.value, t('build.check.empty')) })}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Where the review dialog lets the user choose conversions; absent for a read-only list of steps. */
export interface ConversionControl {
  conversions: Conversions;
  disabled: boolean;
  onChange: (key: string, conversion: Conversion) => void;
}

function StepItem({ step, names, control }: { step: PlanStep; names: Names; control: ConversionControl | undefined }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const violated = violatedChecks(step);
  const key = conversionKey(step);
  return (
    <li style={{ marginBottom: 10 }}>
      <Flex gap={8} align="baseline">
        <Tag color={classColors[step.class]}>{t(`build.class.${step.class}`)}</Tag>
        <Flex vertical gap={4} style={{ flex: 1 }}>
          <span>{stepText(step, t, names, locale)}</span>
          {step.error && <Typography.Text type="danger">{t('build.change.stepError', { error: step.error })}</Typography.Text>}
          {step.class === 'checked' && checksOf(step).length > 0 && violated.length === 0 && <Typography.Text type="secondary">{t('build.check.clean')}</Typography.Text>}
          {violated.map((check, index) => <CheckReport key={index} check={check} />)}
          {control && violated.length > 0 && (
            <ConversionChoice key={key} step={step} conversion={control.conversions[key]} disabled={control.disabled} onChange={(conversion) => control.onChange(key, conversion)} />
          )}
        </Flex>
      </Flex>
    </li>
  );
}

/** The steps of a plan in words, in execution order, with what each checked step found. */
export function PlanSteps({ steps, names, control }: { steps: PlanStep[]; names: Names; control?: ConversionControl }) {
  return (
    <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {steps.map((step, index) => <StepItem key={index} step={step} names={names} control={control} />)}
    </ol>
  );
}
