import { Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StepClass } from '../api/blueprint.js';

/** The colour of each class of step: safe green, checked orange, destructive red. */
export const classColors: Record<StepClass, string> = { safe: 'green', checked: 'orange', destructive: 'red' };

const classes: StepClass[] = ['safe', 'checked', 'destructive'];

/** How many steps of each class a plan (or an applied version) has, as coloured tags. */
export function PlanSummary({ summary }: { summary: Record<StepClass, number> }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      {classes.map((name) => (
        <Tag key={name} color={summary[name] > 0 ? classColors[name] : undefined}>{t(`build.class.${name}`)} {summary[name]}</Tag>
      ))}
    </Flex>
  );
}

/** Counts the steps of each class (applied versions store their steps, not a summary). */
export function summaryOf(steps: { class: StepClass }[]): Record<StepClass, number> {
  const summary: Record<StepClass, number> = { safe: 0, checked: 0, destructive: 0 };
  for (const step of steps) summary[step.class] += 1;
  return summary;
}
