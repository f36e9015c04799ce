import { useState } from 'react';
import { api } from '../shared/api.ts';
import { FormError, useFormSubmit } from '../shared/useFormSubmit.tsx';
import { PageHeading } from './PageHeading.tsx';

export function ChangePassword() {
  const [done, setDone] = useState(false);
  const { onSubmit, error, busy } = useFormSubmit(async (form, element) => {
    setDone(false);
    await api('/staff/me/password', { method: 'POST', body: { currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') } });
    element.reset();
    setDone(true);
  });

  return (
    <>
      <PageHeading>Change password</PageHeading>
      <form onSubmit={onSubmit} noValidate className="narrow">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        <label htmlFor="newPassword">New password</label>
        <p id="newPassword-hint" className="hint">
          At least 12 characters. A few unrelated words make a strong one.
        </p>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={12} required aria-describedby="newPassword-hint" />
        <FormError error={error} />
        <p role="status">{done ? 'Your password has been changed. Any other sessions you had open have been signed out.' : ''}</p>
        <button type="submit" disabled={busy}>
          {busy ? 'Changing password…' : 'Change password'}
        </button>
      </form>
    </>
  );
}
