import { HolderOutlined } from '@ant-design/icons';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { Button, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The drag-and-drop id of a field (palette and sections share them: a field is in one place). */
export const fieldItemId = (name: string) => `field:${name}`;

/**
 * A field as the designer shows it, in the palette or a section: a drag handle (keyboard too:
 * space to pick up, arrows to move), its label (a button opening its settings when placed), its
 * type and actions.
 */
export function DesignerField({ name, label, typeLabel, span = 1, selected = false, problem, onSelect, actions }: {
  name: string; label: string; typeLabel: string; span?: number; selected?: boolean; problem?: string; onSelect?: () => void; actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({ id: fieldItemId(name), data: { name, label } });
  return (
    <div
      ref={setNodeRef}
      style={{
        transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.5 : 1, gridColumn: `span ${span}`,
        border: `1px solid ${selected ? '#1677ff' : problem ? '#ff4d4f' : '#d9d9d9'}`, borderRadius: 6, background: '#fff', padding: '2px 6px',
      }}
    >
      <Flex align="center" gap={4} wrap>
        <Button type="text" size="small" icon={<HolderOutlined aria-hidden />} aria-label={t('forms.designer.drag', { field: label })} style={{ cursor: 'grab' }} {...attributes} {...listeners} />
        {onSelect
          ? <Button type="link" size="small" onClick={onSelect} aria-pressed={selected} style={{ paddingInline: 2 }}>{label}</Button>
          : <Typography.Text>{label}</Typography.Text>}
        <Tag style={{ marginInlineEnd: 0 }}>{typeLabel}</Tag>
        {span > 1 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('forms.designer.spanColumns', { count: span })}</Typography.Text>}
        {problem && <Typography.Text type="danger" style={{ fontSize: 12 }}>{problem}</Typography.Text>}
        {actions}
      </Flex>
    </div>
  );
}
