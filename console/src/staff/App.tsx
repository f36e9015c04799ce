import { useEffect, useState } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api, ApiError } from '../shared/api.ts';
import { SignIn } from './SignIn.tsx';
import { SetupAdministrator } from './SetupAdministrator.tsx';

type Session = { state: 'loading' } | { state: 'signed-out' } | { state: 'signed-in'; user: TStaffSessionUser };

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });

  useEffect(() => {
    api<{ user: TStaffSessionUser }>('/auth/me')
      .then(({ user }) => setSession({ state: 'signed-in', user }))
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) setSession({ state: 'signed-out' });
        else setSession({ state: 'signed-out' });
      });
  }, []);

  const signedIn = (user: TStaffSessionUser) => setSession({ state: 'signed-in', user });

  if (window.location.pathname === '/setup') return <SetupAdministrator onDone={signedIn} />;
  if (session.state === 'loading') return <main aria-busy="true"><p>Loading…</p></main>;
  if (session.state === 'signed-out') return <SignIn onSignedIn={signedIn} />;

  const signOut = async () => {
    await api('/auth/logout', { method: 'POST' });
    setSession({ state: 'signed-out' });
  };
  return (
    <main>
      <h1>Complaints console</h1>
      <p>
        Signed in as {session.user.name} ({session.user.roles.join(', ')}).
      </p>
      <p className="muted">The triage queue and case screens arrive with the console issue.</p>
      <button type="button" className="secondary" onClick={signOut}>
        Sign out
      </button>
    </main>
  );
}
