import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Blueprint, Relation } from '../api/documents.js';
import { useFormat } from '../i18n/format.js';
import { PointerItem } from './pointer-item.js';

const kinds: Relation['kind'][] = ['many_to_one', 'one_to_many', 'many_to_many'];
const deletes: NonNullable<Relation['onDelete']>[] = ['set_null', 'restrict', 'cascade'];

/** What a relation field links to: its kind, target object, and the inverse or on-delete rule its kind needs. */
export function RelationItems({ blueprint, object }: { blueprint: Blueprint; object: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = Form.useFormInstance();
  const kind = Form.useWatch<Relation['kind'] | undefined>(['relation', 'kind'], form);
  const target = Form.useWatch<string | undefined>(['relation', 'target'], form);
  const required = { required: true, message: t('validation.required') };
  // A one_to_many reads the many_to_one fields of its target that point back at this object.
  const inverses = (blueprint.objects.find((candidate) => candidate.name === target)?.fields ?? [])
    .filter((field) => field.relation?.kind === 'many_to_one' && field.relation.target === object);
  return (
    <>
      <PointerItem pointer="/relation/kind" name={['relation', 'kind']} label={t('build.prop.kind')} rules={[required]} extra={kind ? t(`build.relation.kindHelp.${kind}`) : undefined}>
        <Select options={kinds.map((value) => ({ value, label: t(`build.relation.kind.${value}`) }))} />
      </PointerItem>
      <PointerItem pointer="/relation/target" name={['relation', 'target']} label={t('build.prop.target')} rules={[required]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={blueprint.objects.map((candidate) => ({ value: candidate.name, label: `${format.label(candidate.label, candidate.name)} (${candidate.name})` }))} />
      </PointerItem>
      {kind === 'one_to_many' && (
        <PointerItem pointer="/relation/inverse" name={['relation', 'inverse']} label={t('build.prop.inverse')} rules={[required]} extra={inverses.length === 0 && target ? t('build.relation.noInverse') : t('build.relation.inverseHelp')}>
          <Select options={inverses.map((field) => ({ value: field.name, label: `${format.label(field.label, field.name)} (${field.name})` }))} />
        </PointerItem>
      )}
      {kind === 'many_to_one' && (
        <PointerItem pointer="/relation/onDelete" name={['relation', 'onDelete']} label={t('build.prop.onDelete')} extra={t('build.relation.onDeleteHelp')}>
          <Select allowClear placeholder={t('build.relation.onDelete.set_null')} options={deletes.map((value) => ({ value, label: t(`build.relation.onDelete.${value}`) }))} />
        </PointerItem>
      )}
    </>
  );
}
