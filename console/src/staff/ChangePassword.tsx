import { useState, type FormEvent } from 'react';
import { api } from '../shared/api.ts';
import { PageHeading } from './PageHeading.tsx';

export function ChangePassword() {
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    setError(undefined);
    setDone(false);
    try {
      await api('/staff/me/password', { method: 'POST', body: { currentPassword: form.get('currentPassword'), newPassword: form.get('newPassword') } });
      formElement.reset();
      setDone(true);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>Change password</PageHeading>
      <form onSubmit={submit} noValidate className="narrow">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        <label htmlFor="newPassword">New password</label>
        <p id="newPassword-hint" className="hint">
          At least 12 characters. A few unrelated words make a strong one.
        </p>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={12} required aria-describedby="newPassword-hint" />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <p role="status">{done ? 'Your password has been changed. Any other sessions you had open have been signed out.' : ''}</p>
        <button type="submit" disabled={busy}>
          {busy ? 'Changing password…' : 'Change password'}
        </button>
      </form>
    </>
  );
}
