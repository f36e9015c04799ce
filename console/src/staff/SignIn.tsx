import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { FormError, useFormSubmit } from '../shared/useFormSubmit.tsx';

export function SignIn({ onSignedIn, notice }: { onSignedIn: (user: TStaffSessionUser) => void; notice?: string | undefined }) {
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const { user } = await api<{ user: TStaffSessionUser }>('/auth/login', {
      method: 'POST',
      body: { email: form.get('email'), password: form.get('password') },
    });
    onSignedIn(user);
  });

  return (
    <main>
      <h1>Complaints console</h1>
      <h2>Sign in</h2>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" required />
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
