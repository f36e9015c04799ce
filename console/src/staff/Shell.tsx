import { lazy, Suspense, type MouseEvent } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { ChangePassword } from './ChangePassword.tsx';
import { navigate, usePathname } from './navigation.ts';
import { PageHeading } from './PageHeading.tsx';
import { ROLE_NAMES, SCREENS, mayOpen } from './screens.ts';
import { StaffAdmin } from './StaffAdmin.tsx';
import { useSessionSocket } from './useSessionSocket.ts';
import { SettingsScreen } from './settings/SettingsScreen.tsx';
import { DataProtectionScreen } from './settings/DataProtectionScreen.tsx';

// The charts library loads only when someone opens the reports.
const ReportsScreen = lazy(() => import('./reports/ReportsScreen.tsx'));

function Page({ path, user }: { path: string; user: TStaffSessionUser }) {
  const screen = SCREENS.find((candidate) => candidate.path === path);
  if (path === '/') {
    return (
      <>
        <PageHeading>Complaints console</PageHeading>
        <p>Choose what you want to do from the menu.</p>
      </>
    );
  }
  if (!screen || !mayOpen(screen, user.roles)) {
    return (
      <>
        <PageHeading>Page not available</PageHeading>
        <p>There is no page here that your roles can use. Choose one from the menu.</p>
      </>
    );
  }
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
  return (
    <>
      <PageHeading>{screen.label}</PageHeading>
      <p>
        {screen.path === '/triage'
          ? 'The triage queue (new conversations and complaints waiting for a person) is coming with the console issue.'
          : 'Your cases, with their Code deadlines, are coming with the console issue.'}
      </p>
    </>
  );
}

export function Shell({ user, onSignOut }: { user: TStaffSessionUser; onSignOut: () => void }) {
  const path = usePathname();
  useSessionSocket();
  const go = (event: MouseEvent<HTMLAnchorElement>, to: string) => {
    // Ordinary links with a pushState shortcut: new-tab and copy-link still work.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <>
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
    </>
  );
}
