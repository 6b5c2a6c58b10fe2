import { Layout, Spin } from 'antd';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSignedIn } from '../api/session.js';
import { GlobalSearchBox } from '../search/global-search-box.js';
import { rememberWorkspace, useCurrentWorkspace } from './current-workspace.js';
import { LanguageSwitch } from './language-switch.js';
import { SideMenu } from './side-menu.js';
import { UserMenu } from './user-menu.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

/** The frame of every signed-in page: top bar (workspace, language, user), left menu, the page. */
export function Shell() {
  const { t } = useTranslation();
  const session = useSignedIn();
  const slug = useCurrentWorkspace(session);
  useEffect(() => { if (slug) rememberWorkspace(slug); }, [slug]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, background: '#fff', borderBottom: '1px solid #f0f0f0' }}>
        <h1 style={{ fontWeight: 600, fontSize: 16, margin: 0, whiteSpace: 'nowrap' }}>{t('app.name')}</h1>
        <WorkspaceSwitcher session={session} current={slug} />
        <div style={{ flex: 1, display: 'flex', justifyContent: 'center' }}>
          <GlobalSearchBox slug={slug} />
        </div>
        <LanguageSwitch />
        <UserMenu user={session.user} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={232} theme="light" breakpoint="lg" collapsedWidth={0} style={{ borderRight: '1px solid #f0f0f0' }}>
          <SideMenu session={session} slug={slug} />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
