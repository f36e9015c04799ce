import { lazy, Suspense, type MouseEvent } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { CaseView, caseIdFromPath } from './cases/CaseView.tsx';
import { CaseList } from './cases/CaseList.tsx';
import { CategoriesAdmin } from './categories/CategoriesAdmin.tsx';
import { ChangePassword } from './ChangePassword.tsx';
import { CurrentUserContext } from './currentUser.ts';
import { RESIDENT_PATH, ResidentPage } from './residents/ResidentPage.tsx';
import { navigate, usePathname } from './navigation.ts';
import { PageHeading } from './PageHeading.tsx';
import { ROLE_NAMES, SCREENS, mayOpen } from './screens.ts';
import { StaffAdmin } from './StaffAdmin.tsx';
import { useSessionSocket } from './useSessionSocket.ts';
import { StaffSocketContext } from './live/staffSocket.ts';
import { TriageRoutes } from './triage/TriageRoutes.tsx';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { DataProtectionScreen } from './settings/DataProtectionScreen.tsx';
import { ClosureDaysScreen } from './settings/ClosureDaysScreen.tsx';
import { LettersScreen } from './settings/LettersScreen.tsx';

// The charts library loads only when someone opens the reports.
const ReportsScreen = lazy(() => import('./reports/ReportsScreen.tsx'));

function Page({ path, user }: { path: string; user: TStaffSessionUser }) {
  // A screen owns the pages below its path too (/triage/conversations/…).
  const screen = SCREENS.find((candidate) => candidate.path === path || path.startsWith(`${candidate.path}/`));
  const resident = RESIDENT_PATH.exec(path);
  if (resident) return <ResidentPage residentId={resident[1] as string} />;
  if (path === '/') {
    return (
      <>
        <PageHeading>Complaints console</PageHeading>
        <p>Choose what you want to do from the menu.</p>
      </>
    );
  }
  if (!screen || !mayOpen(screen, user.roles)) return <PageNotAvailable />;
  if (screen.path === '/admin/staff') return <StaffAdmin user={user} />;
  if (screen.path === '/account/password') return <ChangePassword />;
  if (screen.path === '/reports') {
    return (
      <Suspense fallback={<p role="status">Loading the reports…</p>}>
        <ReportsScreen />
      </Suspense>
    );
  }
  if (screen.path === '/admin/settings') return <SettingsScreen user={user} />;
  if (screen.path === '/admin/data-protection') return <DataProtectionScreen />;
  if (screen.path === '/admin/closure-days') return <ClosureDaysScreen />;
  if (screen.path === '/admin/letters') return <LettersScreen />;
  if (screen.path === '/triage') return <TriageRoutes path={path} user={user} />;
  // /cases/:id is the case view; it opens for whoever may open the case list.
  const caseId = caseIdFromPath(path);
  if (caseId) return <CaseView id={caseId} user={user} />;
  if (screen.path === '/cases') return <CaseList />;
  if (screen.path === '/admin/categories') return <CategoriesAdmin />;
  return <PageNotAvailable />;
}

function PageNotAvailable() {
  return (
    <>
      <PageHeading>Page not available</PageHeading>
      <p>There is no page here that your roles can use. Choose one from the menu.</p>
    </>
  );
}

export function Shell({ user, onSignOut }: { user: TStaffSessionUser; onSignOut: () => void }) {
  const path = usePathname();
  const socket = useSessionSocket();
  const go = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    // Ordinary links with a pushState shortcut: new-tab and copy-link still work.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <StaffSocketContext.Provider value={socket}>
      <CurrentUserContext.Provider value={user}>
      <header className="shell-header">
        <p className="product">
          <a href="/" onClick={(event) => go(event, '/')}>
            Complaints console
          </a>
        </p>
        <p className="who">
          Signed in as {user.name} ({user.roles.map((role) => ROLE_NAMES[role]).join(', ')})
        </p>
        <button type="button" className="secondary" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main" className="shell-nav">
        <ul>
          {SCREENS.filter((screen) => mayOpen(screen, user.roles)).map((screen) => (
            <li key={screen.path}>
              <a href={screen.path} aria-current={path === screen.path ? 'page' : undefined} onClick={(event) => go(event, screen.path)}>
                {screen.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="wide">
        <Page key={path} path={path} user={user} />
      </main>
      </CurrentUserContext.Provider>
    </StaffSocketContext.Provider>
  );
}
