import { ApiOutlined, MergeOutlined, AppstoreOutlined, ImportOutlined, AuditOutlined, BookOutlined, BuildOutlined, CloudServerOutlined, CodeOutlined, DatabaseOutlined, FormOutlined, HistoryOutlined, SafetyOutlined, TableOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Session } from '../api/types.js';
import { useWorkspaceModel } from '../api/workspace-model.js';
import { useFormat } from '../i18n/format.js';

type Item = NonNullable<MenuProps['items']>[number];

/** The left menu: the workspace's objects, its administration, and the platform for platform admins. */
export function SideMenu({ session, slug }: { session: Session; slug: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { pathname } = useLocation();
  const model = useWorkspaceModel(slug).data;
  const group = menuGroupOf(pathname);
  const [openKeys, setOpenKeys] = useState<string[]>(() => [...new Set(['records', ...(group ? [group] : [])])]);
  // The group of the page shown unfolds however the page was reached: a link, a typed URL, back.
  useEffect(() => { if (group) setOpenKeys((open) => (open.includes(group) ? open : [...open, group])); }, [group]);
  const base = slug ? `/w/${encodeURIComponent(slug)}` : undefined;
  const can = (capability: string) => model?.capabilities.some((granted) => granted === capability) ?? false;
  const items: Item[] = [];
  if (base) {
    items.push({
      key: 'records', icon: <DatabaseOutlined aria-hidden />, label: t('nav.records'),
      children: (model?.objects ?? []).map((object) => ({
        key: `${base}/records/${object.name}`,
        label: <Link to={`${base}/records/${object.name}`}>{format.label(object.label, object.name)}</Link>,
      })),
    });
    if (can('blueprint')) {
      const build = (path: string, icon: ReactNode, key: string) => ({ key: `${base}/build/${path}`, icon, label: <Link to={`${base}/build/${path}`}>{t(key)}</Link> });
      items.push({
        key: 'build', icon: <BuildOutlined aria-hidden />, label: t('nav.build'),
        children: [
          build('objects', <AppstoreOutlined aria-hidden />, 'nav.objects'),
          build('forms', <FormOutlined aria-hidden />, 'nav.forms'),
          build('views', <TableOutlined aria-hidden />, 'nav.views'),
          build('versions', <HistoryOutlined aria-hidden />, 'nav.versions'),
          build('documents', <CodeOutlined aria-hidden />, 'nav.documents'),
        ],
      });
    }
    if (model?.objects.some((object) => object.actions.includes('import'))) items.push({ key: `${base}/imports`, icon: <ImportOutlined aria-hidden />, label: <Link to={`${base}/imports`}>{t('nav.imports')}</Link> });
    // Deciding about a duplicate changes records: offered to whoever may import or update some object.
    if (model?.objects.some((object) => object.actions.includes('import') || object.actions.includes('update'))) {
      items.push({ key: `${base}/duplicates`, icon: <MergeOutlined aria-hidden />, label: <Link to={`${base}/duplicates`}>{t('nav.duplicates')}</Link> });
    }
    if (can('members')) items.push({ key: `${base}/members`, icon: <TeamOutlined aria-hidden />, label: <Link to={`${base}/members`}>{t('nav.members')}</Link> });
    if (can('roles')) items.push({ key: `${base}/roles`, icon: <SafetyOutlined aria-hidden />, label: <Link to={`${base}/roles`}>{t('nav.roles')}</Link> });
    if (can('audit')) items.push({ key: `${base}/audit`, icon: <AuditOutlined aria-hidden />, label: <Link to={`${base}/audit`}>{t('nav.audit')}</Link> });
    // The workspace's OpenAPI document, as the server narrows it to the caller's role.
    items.push({ key: 'api', icon: <ApiOutlined aria-hidden />, label: <a href={`/api${base}/openapi.json`} target="_blank" rel="noreferrer">{t('nav.api')}</a> });
  }
  items.push({
    key: 'docs', icon: <BookOutlined aria-hidden />, label: t('nav.docs'),
    children: [
      { key: 'docs-guide', label: <a href="/docs/guide.md" target="_blank" rel="noreferrer">{t('nav.docsGuide')}</a> },
      { key: 'docs-studio', label: <a href="/docs/studio.md" target="_blank" rel="noreferrer">{t('nav.docsStudio')}</a> },
      { key: 'docs-access', label: <a href="/docs/accounts-and-access.md" target="_blank" rel="noreferrer">{t('nav.docsAccess')}</a> },
      { key: 'docs-import', label: <a href="/docs/import.md" target="_blank" rel="noreferrer">{t('nav.docsImport')}</a> },
    ],
  });
  if (session.user.platformAdmin) {
    items.push({
      key: 'platform', type: 'group', label: t('nav.platform'),
      children: [
        { key: '/platform/workspaces', icon: <CloudServerOutlined aria-hidden />, label: <Link to="/platform/workspaces">{t('nav.workspaces')}</Link> },
        { key: '/platform/users', icon: <UserOutlined aria-hidden />, label: <Link to="/platform/users">{t('nav.users')}</Link> },
        { key: '/platform/audit', icon: <AuditOutlined aria-hidden />, label: <Link to="/platform/audit">{t('nav.platformAudit')}</Link> },
      ],
    });
  }
  const selected = selectedKey(pathname, base);
  return (
    <nav aria-label={t('nav.main')}>
      <Menu mode="inline" items={items} selectedKeys={[selected]} openKeys={openKeys} onOpenChange={setOpenKeys} style={{ borderInlineEnd: 0 }} />
    </nav>
  );
}

/** The folding group of the menu a page sits in. */
function menuGroupOf(pathname: string): 'records' | 'build' | undefined {
  if (/^\/w\/[^/]+\/build\//.test(pathname)) return 'build';
  if (/^\/w\/[^/]+\/records\//.test(pathname)) return 'records';
  return undefined;
}

function selectedKey(pathname: string, base: string | undefined): string {
  if (base && pathname.startsWith(`${base}/roles`) || base && pathname.startsWith(`${base}/new-role`)) return `${base}/roles`;
  if (base && pathname.startsWith(`${base}/imports`)) return `${base}/imports`;
  const build = base ? /^(.*\/build\/[a-z]+)/.exec(pathname) : null;
  if (build?.[1]) return decodeURIComponent(build[1]);
  const records = base ? /^(.*\/records\/[^/]+)/.exec(pathname) : null;
  if (records?.[1]) return decodeURIComponent(records[1]);
  return decodeURIComponent(pathname);
}
