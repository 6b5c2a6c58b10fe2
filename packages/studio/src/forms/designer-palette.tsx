import { PlusOutlined } from '@ant-design/icons';
import { useDroppable } from '@dnd-kit/core';
import { rectSortingStrategy, SortableContext } from '@dnd-kit/sortable';
import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ModelField } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';
import { DesignerField, fieldItemId } from './designer-field.js';

/** The drag-and-drop id of the palette. */
export const paletteId = 'palette';

/** The object's fields not placed yet: drag one into a section, or add it to the last section. */
export function DesignerPalette({ fields, onAdd }: { fields: ModelField[]; onAdd: (name: string) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { setNodeRef, isOver } = useDroppable({ id: paletteId });
  return (
    <Card size="small" title={<Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>{t('forms.designer.palette')}</Typography.Title>} style={{ marginBottom: 16 }}>
      <section aria-label={t('forms.designer.palette')}>
        <SortableContext id={paletteId} items={fields.map((field) => fieldItemId(field.name))} strategy={rectSortingStrategy}>
          <Flex ref={setNodeRef} wrap gap={8} style={{ minHeight: 40, padding: 4, borderRadius: 6, background: isOver ? '#e6f4ff' : undefined }}>
            {fields.map((field) => {
              const label = format.label(field.label, field.name);
              return (
                <DesignerField key={field.name} name={field.name} label={label} typeLabel={t(`forms.fieldType.${field.type}`)}
                  actions={<Button size="small" type="text" icon={<PlusOutlined aria-hidden />} aria-label={t('forms.designer.addField', { field: label })} onClick={() => onAdd(field.name)} />} />
              );
            })}
            {fields.length === 0 && <Typography.Text type="secondary">{t('forms.designer.allPlaced')}</Typography.Text>}
          </Flex>
        </SortableContext>
      </section>
    </Card>
  );
}
