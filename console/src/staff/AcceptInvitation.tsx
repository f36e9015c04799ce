import { useState, type FormEvent } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { PageHeading } from './PageHeading.tsx';

// The one-time token travels in the URL fragment, which browsers never send to the server or
// in Referer headers, so it stays out of access logs.
function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function AcceptInvitation({ onDone }: { onDone: (user: TStaffSessionUser) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const { user } = await api<{ user: TStaffSessionUser }>('/auth/invitations/accept', {
        method: 'POST',
        body: { token: tokenFromLocation(), name: form.get('name'), password: form.get('password') },
      });
      onDone(user);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main>
      <PageHeading>Join the complaints console</PageHeading>
      <p>You have been invited to the complaints console. Choose the name colleagues will see and a password. This link works once.</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required />
        <label htmlFor="password">Password</label>
        <p id="password-hint" className="hint">
          At least 12 characters. A few unrelated words make a strong one.
        </p>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required aria-describedby="password-hint" />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create my account'}
        </button>
      </form>
    </main>
  );
}
