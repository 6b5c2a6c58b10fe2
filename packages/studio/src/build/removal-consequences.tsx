import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Blueprint } from '../api/documents.js';
import { useLocale } from '../i18n/index.js';
import { namesIn } from './blueprint-names.js';
import type { Removal } from './remove-from-blueprint.js';

/** What an archive removes besides the thing itself: relation fields of other objects, views and forms naming it. */
export function RemovalConsequences({ intro, removal, blueprint }: { intro: string; removal: Removal; blueprint: Blueprint }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const names = namesIn([blueprint], locale);
  const separator = t('build.removal.separator');
  const views = removal.views.map((name) => {
    const view = blueprint.views?.find((candidate) => candidate.name === name);
    return view ? names.label(view.label, name) : name;
  });
  const lines = [
    removal.fields.length > 0 && t('build.removal.fields', { list: removal.fields.map((ref) => `${names.object(ref.object)}.${names.field(ref.object, ref.field)}`).join(separator) }),
    views.length > 0 && t('build.removal.views', { list: views.join(separator) }),
    removal.forms.length > 0 && t('build.removal.forms', { list: removal.forms.map((object) => names.object(object)).join(separator) }),
  ].filter((line): line is string => typeof line === 'string');
  return (
    <>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      {lines.length > 0 && (
        <>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{t('build.removal.also')}</Typography.Paragraph>
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>{lines.map((line) => <li key={line}>{line}</li>)}</ul>
        </>
      )}
    </>
  );
}
