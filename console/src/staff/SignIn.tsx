import { useState, type FormEvent } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (user: TStaffSessionUser) => void; notice?: string | undefined }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api<{ user: TStaffSessionUser }>('/auth/login', {
        method: 'POST',
        body: { email: form.get('email'), password: form.get('password') },
      });
      onSignedIn(user);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <h1>Complaints console</h1>
      <h2>Sign in</h2>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={submit} noValidate>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
