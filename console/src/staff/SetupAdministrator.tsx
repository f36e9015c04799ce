import { useState, type FormEvent } from 'react';
import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { navigate } from './navigation.ts';

// The one-time token travels in the URL fragment, which browsers never send to the server or
// in Referer headers, so it stays out of access logs.
function tokenFromLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

export function SetupAdministrator({ onDone }: { onDone: (user: TStaffSessionUser) => void }) {
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const { user } = await api<{ user: TStaffSessionUser }>('/auth/setup', {
        method: 'POST',
        body: { token: tokenFromLocation(), name: form.get('name'), email: form.get('email'), password: form.get('password') },
      });
      navigate('/', { replace: true });
      onDone(user);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <main>
      <h1>Set up the first administrator</h1>
      <p className="muted">This link works once. The administrator can then invite other staff.</p>
      <form onSubmit={submit} noValidate>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required />
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password (at least 12 characters)</label>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit">Create administrator</button>
      </form>
    </main>
  );
}
