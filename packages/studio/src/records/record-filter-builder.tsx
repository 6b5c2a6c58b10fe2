import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Filter } from '../api/documents.js';
import { isGroup, makeGroup, newCondition, partsOf, type FilterGroup } from './filter-edit.js';
import type { FilterField } from './filter-fields.js';
import { RecordConditionEditor } from './record-condition-editor.js';

const maxDepth = 3;

interface PartProps { part: Filter; fields: FilterField[]; depth: number; onChange: (part: Filter) => void; onRemove: () => void }

/** One part of a group: a condition or a group, possibly negated (the "not" toggle wraps or unwraps it). */
function PartEditor({ part, fields, depth, onChange, onRemove }: PartProps) {
  const { t } = useTranslation();
  const negated = 'not' in part;
  const inner = 'not' in part ? part.not : part;
  const setInner = (next: Filter) => onChange(negated ? { not: next } : next);
  const toggle = (
    <Button size="small" type={negated ? 'primary' : 'default'} aria-pressed={negated} aria-label={t('list.filter.negate')} onClick={() => onChange(negated ? inner : { not: inner })}>
      {t('list.filter.not')}
    </Button>
  );
  if (isGroup(inner)) {
    return <GroupEditor group={inner} fields={fields} depth={depth + 1} onChange={setInner} onRemove={onRemove} negate={toggle} />;
  }
  if ('not' in inner) {
    // A double negation from a hand-written filter: shown as it is, edited one level down.
    return <PartEditor part={inner} fields={fields} depth={depth} onChange={setInner} onRemove={onRemove} />;
  }
  return (
    <Flex gap={8} align="center">
      {toggle}
      <RecordConditionEditor condition={inner} fields={fields} onChange={setInner} onRemove={onRemove} />
    </Flex>
  );
}

function GroupEditor({ group, fields, depth, onChange, onRemove, negate }: {
  group: FilterGroup; fields: FilterField[]; depth: number; onChange: (group: FilterGroup) => void; onRemove?: () => void; negate?: ReactNode;
}) {
  const { t } = useTranslation();
  const kind = 'and' in group ? 'and' : 'or';
  const parts = partsOf(group);
  const setPart = (index: number, part: Filter | undefined) => {
    const next = parts.slice();
    if (part === undefined) next.splice(index, 1); else next[index] = part;
    onChange(makeGroup(kind, next));
  };
  const first = fields[0];
  return (
    <Card size="small" role="group" aria-label={t(depth === 0 ? 'list.filter.title' : 'list.filter.group')} style={{ background: depth % 2 ? '#fafafa' : '#fff' }}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        {negate}
        <Select aria-label={t('list.filter.combine')} size="small" value={kind} style={{ width: 200 }} onChange={(next: 'and' | 'or') => onChange(makeGroup(next, parts))}
          options={[{ value: 'and', label: t('list.filter.and') }, { value: 'or', label: t('list.filter.or') }]} />
        {onRemove && <Button size="small" type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('list.filter.removeGroup')} onClick={onRemove} />}
      </Flex>
      <Flex vertical gap={8}>
        {parts.map((part, index) => (
          <PartEditor key={index} part={part} fields={fields} depth={depth} onChange={(next) => setPart(index, next)} onRemove={() => setPart(index, undefined)} />
        ))}
        {parts.length === 0 && <Typography.Text type="secondary">{t('list.filter.emptyGroup')}</Typography.Text>}
      </Flex>
      <Flex gap={8} style={{ marginTop: 8 }}>
        {first && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(makeGroup(kind, [...parts, newCondition(first.name, first.field)]))}>{t('list.filter.addCondition')}</Button>
        )}
        {depth < maxDepth && (
          <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange(makeGroup(kind, [...parts, makeGroup(kind === 'and' ? 'or' : 'and', [])]))}>{t('list.filter.addGroup')}</Button>
        )}
      </Flex>
    </Card>
  );
}

/** Edits a record filter: and/or groups (nested up to three deep) of conditions, any part negated. */
export function RecordFilterBuilder({ value, fields, onChange }: { value: FilterGroup; fields: FilterField[]; onChange: (group: FilterGroup) => void }) {
  return <GroupEditor group={value} fields={fields} depth={0} onChange={onChange} />;
}
