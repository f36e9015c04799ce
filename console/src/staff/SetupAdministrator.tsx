import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { FormError, tokenFromLocation, useFormSubmit } from '../shared/useFormSubmit.tsx';
import { navigate } from './navigation.ts';

export function SetupAdministrator({ onDone }: { onDone: (user: TStaffSessionUser) => void }) {
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const { user } = await api<{ user: TStaffSessionUser }>('/auth/setup', {
      method: 'POST',
      body: { token: tokenFromLocation(), name: form.get('name'), email: form.get('email'), password: form.get('password') },
    });
    navigate('/', { replace: true });
    onDone(user);
  });

  return (
    <main>
      <h1>Set up the first administrator</h1>
      <p className="muted">This link works once. The administrator can then invite other staff.</p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required />
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password (at least 12 characters)</label>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required />
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          Create administrator
        </button>
      </form>
    </main>
  );
}
