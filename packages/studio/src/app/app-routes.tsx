import { lazy } from 'react';
import { Navigate, Outlet, Route } from 'react-router';
import { HomeRedirect } from './home-redirect.js';
import { pageModules, RecordsPage } from './page-modules.js';
import { RequireSession } from './require-session.js';
import { Shell } from './shell.js';
import { UnauthorizedRedirect } from './unauthorized-redirect.js';

// One chunk per page: the sign-in page does not download the role editor.
const SignInPage = lazy(() => import('../pages/sign-in-page.js'));
const MembersPage = lazy(() => import('../pages/members-page.js'));
const RolesPage = lazy(() => import('../pages/roles-page.js'));
const RoleEditorPage = lazy(() => import('../pages/role-editor-page.js'));
const AuditPage = lazy(() => import('../pages/audit-page.js'));
const PrivacyPage = lazy(() => import('../pages/privacy-page.js'));
const ChangePasswordPage = lazy(() => import('../pages/change-password-page.js'));
const ApiKeysPage = lazy(() => import('../pages/api-keys-page.js'));
const WorkspacesPage = lazy(() => import('../pages/workspaces-page.js'));
const PlatformUsersPage = lazy(() => import('../pages/platform-users-page.js'));
const PlatformAuditPage = lazy(() => import('../pages/platform-audit-page.js'));
const RecordPage = lazy(pageModules.record);
const SearchPage = lazy(() => import('../pages/search-page.js'));
const ObjectsPage = lazy(() => import('../pages/objects-page.js'));
const ObjectEditorPage = lazy(() => import('../pages/object-editor-page.js'));
const VersionsPage = lazy(() => import('../pages/versions-page.js'));
const FormDesignerPage = lazy(() => import('../pages/form-designer-page.js'));
const ViewsPage = lazy(() => import('../pages/views-page.js'));
const DocumentsPage = lazy(() => import('../pages/documents-page.js'));
const ImportsPage = lazy(() => import('../pages/imports-page.js'));
const ImportWizardPage = lazy(() => import('../pages/import-wizard-page.js'));
const ImportPage = lazy(() => import('../pages/import-page.js'));
const DuplicatesPage = lazy(() => import('../pages/duplicates-page.js'));
const NotFoundPage = lazy(() => import('../pages/not-found-page.js'));

/** What every page has: the redirect to sign in when a request finds the session ended. */
function Root() {
  return (
    <>
      <UnauthorizedRedirect />
      <Outlet />
    </>
  );
}

/**
 * Every route of the studio: sign-in outside the shell, everything else inside it. A data router
 * (createBrowserRouter) serves them, so that unsaved work can hold any navigation back, the
 * browser's back and forward included (useBlocker in use-leave-guard.ts).
 */
export const appRoutes = (
  <Route element={<Root />}>
    <Route path="/sign-in" element={<SignInPage />} />
    <Route element={<RequireSession />}>
      <Route element={<Shell />}>
        <Route index element={<HomeRedirect />} />
        <Route path="w/:slug">
          <Route index element={<Navigate to="records" replace />} />
          <Route path="records/:object?" element={<RecordsPage />} />
          <Route path="records/:object/:id" element={<RecordPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="build/objects" element={<ObjectsPage />} />
          <Route path="build/objects/:object" element={<ObjectEditorPage />} />
          <Route path="build/versions" element={<VersionsPage />} />
          <Route path="build/forms/:object?" element={<FormDesignerPage />} />
          <Route path="build/views/:view?" element={<ViewsPage />} />
          <Route path="build/documents" element={<DocumentsPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="roles" element={<RolesPage />} />
          <Route path="roles/:name" element={<RoleEditorPage />} />
          <Route path="new-role" element={<RoleEditorPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="imports" element={<ImportsPage />} />
          <Route path="imports/new" element={<ImportWizardPage />} />
          <Route path="imports/:id" element={<ImportPage />} />
          <Route path="duplicates" element={<DuplicatesPage />} />
          <Route path="privacy/:object/:id" element={<PrivacyPage />} />
        </Route>
        <Route path="account/password" element={<ChangePasswordPage />} />
        <Route path="account/api-keys" element={<ApiKeysPage />} />
        <Route path="platform/workspaces" element={<WorkspacesPage />} />
        <Route path="platform/users" element={<PlatformUsersPage />} />
        <Route path="platform/audit" element={<PlatformAuditPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Route>
  </Route>
);
