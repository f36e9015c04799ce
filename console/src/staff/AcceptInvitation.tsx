import type { TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { FormError, tokenFromLocation, useFormSubmit } from '../shared/useFormSubmit.tsx';
import { PageHeading } from './PageHeading.tsx';

export function AcceptInvitation({ onDone }: { onDone: (user: TStaffSessionUser) => void }) {
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const { user } = await api<{ user: TStaffSessionUser }>('/auth/invitations/accept', {
      method: 'POST',
      body: { token: tokenFromLocation(), name: form.get('name'), password: form.get('password') },
    });
    onDone(user);
  });

  return (
    <main>
      <PageHeading>Join the complaints console</PageHeading>
      <p>You have been invited to the complaints console. Choose the name colleagues will see and a password. This link works once.</p>
      <form onSubmit={onSubmit} noValidate>
        <label htmlFor="name">Your name</label>
        <input id="name" name="name" autoComplete="name" required />
        <label htmlFor="password">Password</label>
        <p id="password-hint" className="hint">
          At least 12 characters. A few unrelated words make a strong one.
        </p>
        <input id="password" name="password" type="password" autoComplete="new-password" minLength={12} required aria-describedby="password-hint" />
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating your account…' : 'Create my account'}
        </button>
      </form>
    </main>
  );
}
