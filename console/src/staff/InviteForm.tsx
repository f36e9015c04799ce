import { useEffect, useRef, useState } from 'react';
import type { TStaffInvitationResult, TStaffRole } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { FormError, useFormSubmit } from '../shared/useFormSubmit.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';

function InvitationLink({ result }: { result: TStaffInvitationResult }) {
  const heading = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState<string>('');
  // Focus the outcome so screen reader and keyboard users land on the link they must pass on.
  useEffect(() => heading.current?.focus(), [result]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(result.link);
      setCopied('Link copied.');
    } catch {
      setCopied('Could not copy automatically: select the link and copy it.');
    }
  };
  return (
    <div className="invitation-link">
      <p ref={heading} tabIndex={-1} className="strong">
        Invitation created for {result.invitation.name} ({result.invitation.email}).
      </p>
      <p>
        No email has been sent. Give them this link: it works once, until{' '}
        {new Date(result.invitation.expiresAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/London' })}. It will not be
        shown again.
      </p>
      <label htmlFor="invitation-link">Invitation link</label>
      <input id="invitation-link" readOnly value={result.link} onFocus={(event) => event.currentTarget.select()} />
      <button type="button" className="secondary" onClick={copy}>
        Copy link
      </button>
      <p role="status">{copied}</p>
    </div>
  );
}

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [roles, setRoles] = useState<TStaffRole[]>([]);
  const [result, setResult] = useState<TStaffInvitationResult>();
  const { onSubmit, error, busy } = useFormSubmit(async (form, element) => {
    setResult(undefined);
    const invited = await api<TStaffInvitationResult>('/staff/invitations', { method: 'POST', body: { name: form.get('name'), email: form.get('email'), roles } });
    element.reset();
    setRoles([]);
    setResult(invited);
    onInvited();
  });

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite a member of staff</h2>
      <form onSubmit={onSubmit} noValidate className="narrow">
        <label htmlFor="invite-name">Name</label>
        <input id="invite-name" name="name" autoComplete="off" required />
        <label htmlFor="invite-email">Email</label>
        <input id="invite-email" name="email" type="email" autoComplete="off" required />
        <RoleCheckboxes idPrefix="invite-role" legend="Roles" checked={roles} onChange={setRoles} />
        <FormError error={error} />
        <button type="submit" disabled={busy}>
          {busy ? 'Creating invitation…' : 'Create invitation link'}
        </button>
      </form>
      {result && <InvitationLink result={result} />}
    </section>
  );
}
