import { Checkbox, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Field, Relation } from '../api/documents.js';
import { applies, canBeRequired, encryptableTypes, hasColumn, isEngineFilled } from './field-rules.js';
import { PointerItem } from './pointer-item.js';

type Flag = 'required' | 'unique' | 'indexed' | 'personal' | 'encrypted';

/** Which flags a field of this shape may carry (the engine's rules: an encrypted value is never indexed). */
function offered(type: Field['type'], kind: Relation['kind'] | undefined, personal: boolean, encrypted: boolean): Flag[] {
  const shape = { type, relation: kind ? { kind } : undefined };
  const flags: Flag[] = [];
  if (canBeRequired(shape)) flags.push('required');
  if (applies('unique', type) && !encrypted) flags.push('unique');
  if (hasColumn(shape) && !encrypted) flags.push('indexed');
  if (type !== 'relation' && !isEngineFilled(shape)) flags.push('personal');
  if (personal && encryptableTypes.includes(type)) flags.push('encrypted');
  return flags;
}

/** The yes/no properties of a field, each with what it means, offered only where its type allows. */
export function FieldFlagItems() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch<Field['type'] | undefined>('type', form) ?? 'text';
  const kind = Form.useWatch<Relation['kind'] | undefined>(['relation', 'kind'], form);
  const personal = Form.useWatch<boolean | undefined>('personal', form) === true;
  const encrypted = Form.useWatch<boolean | undefined>('encrypted', form) === true;
  return (
    <Flex vertical gap={0}>
      {offered(type, kind, personal, encrypted).map((flag) => (
        <PointerItem key={flag} pointer={`/${flag}`} name={flag} valuePropName="checked" extra={t(`build.fields.flagHelp.${flag}`)} style={{ marginBottom: 8 }}>
          <Checkbox>{t(`build.prop.${flag}`)}</Checkbox>
        </PointerItem>
      ))}
    </Flex>
  );
}
