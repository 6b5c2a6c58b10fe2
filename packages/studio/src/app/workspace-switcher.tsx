import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Session } from '../api/types.js';

/** The workspaces of the user; choosing one opens its records. */
export function WorkspaceSwitcher({ session, current }: { session: Session; current: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  if (session.workspaces.length === 0) return null;
  return (
    <Select
      aria-label={t('shell.workspace')}
      value={current}
      style={{ minWidth: 200 }}
      onChange={(slug: string) => void navigate(`/w/${encodeURIComponent(slug)}/records`)}
      options={session.workspaces.map((workspace) => ({
        value: workspace.slug,
        label: `${workspace.name} · ${t(`roles.builtIn.${workspace.role}`, { defaultValue: workspace.role })}`,
      }))}
    />
  );
}
