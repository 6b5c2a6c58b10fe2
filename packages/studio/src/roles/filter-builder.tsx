import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../api/roles.js';
import { PointerErrors, pointerOf } from '../components/pointer-errors.js';
import { ConditionEditor, type FieldOption } from './condition-editor.js';

type Group = { and: Filter[] } | { or: Filter[] };

const maxDepth = 3;

function kindOf(group: Group): 'and' | 'or' {
  return 'and' in group ? 'and' : 'or';
}

function partsOf(group: Group): Filter[] {
  return 'and' in group ? group.and : group.or;
}

function makeGroup(kind: 'and' | 'or', parts: Filter[]): Group {
  return kind === 'and' ? { and: parts } : { or: parts };
}

function isGroup(filter: Filter): filter is Group {
  return 'and' in filter || 'or' in filter;
}

interface Props { fields: FieldOption[]; disabled: boolean }

function GroupEditor({ group, onChange, onRemove, pointer, depth, fields, disabled }: Props & {
  group: Group; onChange: (group: Group) => void; onRemove?: () => void; pointer: string; depth: number;
}) {
  const { t } = useTranslation();
  const kind = kindOf(group);
  const parts = partsOf(group);
  const setPart = (index: number, part: Filter | undefined) => {
    const next = parts.slice();
    if (part === undefined) next.splice(index, 1); else next[index] = part;
    onChange(makeGroup(kind, next));
  };
  return (
    <Card size="small" style={{ background: depth % 2 ? '#fafafa' : '#fff' }}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Select
          aria-label={t('filter.combine')} size="small" value={kind} disabled={disabled} style={{ width: 180 }}
          onChange={(next: 'and' | 'or') => onChange(makeGroup(next, parts))}
          options={[{ value: 'and', label: t('filter.and') }, { value: 'or', label: t('filter.or') }]}
        />
        {onRemove && !disabled && <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('filter.removeGroup')} onClick={onRemove} />}
      </Flex>
      <PointerErrors at={pointer} exact />
      <PointerErrors at={`${pointer}${pointerOf(kind)}`} exact />
      <Flex vertical gap={8}>
        {parts.map((part, index) => {
          const at = `${pointer}${pointerOf(kind, index)}`;
          if (isGroup(part)) {
            return <GroupEditor key={index} group={part} onChange={(next) => setPart(index, next)} onRemove={() => setPart(index, undefined)} pointer={at} depth={depth + 1} fields={fields} disabled={disabled} />;
          }
          if ('not' in part) {
            return (
              <Flex key={index} gap={8} align="center">
                <Typography.Text code>{t('filter.not')} {JSON.stringify(part.not)}</Typography.Text>
                {!disabled && <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('filter.removeCondition')} onClick={() => setPart(index, undefined)} />}
                <PointerErrors at={at} />
              </Flex>
            );
          }
          return <ConditionEditor key={index} condition={part} onChange={(next) => setPart(index, next)} onRemove={() => setPart(index, undefined)} pointer={at} fields={fields} disabled={disabled} />;
        })}
        {parts.length === 0 && <Typography.Text type="secondary">{t('filter.emptyGroup')}</Typography.Text>}
      </Flex>
      {!disabled && (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(makeGroup(kind, [...parts, { field: fields[0]?.value ?? 'owner_id', op: 'eq', value: '' }]))}>{t('filter.addCondition')}</Button>
          {depth < maxDepth && (
            <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(makeGroup(kind, [...parts, makeGroup(kind === 'and' ? 'or' : 'and', [])]))}>{t('filter.addGroup')}</Button>
          )}
        </Flex>
      )}
    </Card>
  );
}

/**
 * Edits a row rule: and/or groups of conditions (field, operator, value), values possibly $user
 * variables. No rule means every row.
 */
export function FilterBuilder({ value, onChange, pointer, fields, disabled }: Props & { value: Filter | undefined; onChange: (filter: Filter | undefined) => void; pointer: string }) {
  const { t } = useTranslation();
  if (!value) {
    return (
      <Flex gap={12} align="center">
        <Typography.Text type="secondary">{t('filter.allRows')}</Typography.Text>
        {!disabled && <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange({ or: [{ field: 'owner_id', op: 'eq', value: '$user.id' }] })}>{t('filter.addRule')}</Button>}
        <PointerErrors at={pointer} />
      </Flex>
    );
  }
  // A rule that is one condition is shown (and saved, once edited) as a group of one.
  const group: Group = isGroup(value) ? value : { and: [value] };
  return (
    <>
      {!isGroup(value) && <PointerErrors at={pointer} />}
      <GroupEditor group={group} pointer={pointer} depth={0} fields={fields} disabled={disabled} onChange={onChange} onRemove={() => onChange(undefined)} />
    </>
  );
}
