import { useEffect, useState } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api, SESSION_ENDED_EVENT } from '../shared/api.ts';
import { AcceptInvitation } from './AcceptInvitation.tsx';
import { navigate, usePathname } from './navigation.ts';
import { SetupAdministrator } from './SetupAdministrator.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';

type Session = { state: 'loading' } | { state: 'signed-out'; notice?: string } | { state: 'signed-in'; user: TStaffSessionUser };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const path = usePathname();

  useEffect(() => {
    api<{ user: TStaffSessionUser }>('/auth/me')
      .then(({ user }) => setSession({ state: 'signed-in', user }))
      .catch(() => setSession({ state: 'signed-out' }));
  }, []);

  // Any API call answered 401 (session revoked, account deactivated, expired) ends the session here.
  useEffect(() => {
    const ended = () =>
      setSession((current) => (current.state === 'signed-in' ? { state: 'signed-out', notice: 'Your session has ended. Sign in again to continue.' } : current));
    window.addEventListener(SESSION_ENDED_EVENT, ended);
    return () => window.removeEventListener(SESSION_ENDED_EVENT, ended);
  }, []);

  const signedIn = (user: TStaffSessionUser) => setSession({ state: 'signed-in', user });
  const joined = (user: TStaffSessionUser) => {
    navigate('/', { replace: true });
    signedIn(user);
  };

  if (path === '/setup') return <SetupAdministrator onDone={signedIn} />;
  if (path === '/invite') return <AcceptInvitation onDone={joined} />;
  if (session.state === 'loading') return <main aria-busy="true"><p>Loading…</p></main>;
  if (session.state === 'signed-out') return <SignIn onSignedIn={signedIn} notice={session.notice} />;

  const signOut = async () => {
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    navigate('/', { replace: true });
    setSession({ state: 'signed-out' });
  };
  return <Shell user={session.user} onSignOut={signOut} />;
}
