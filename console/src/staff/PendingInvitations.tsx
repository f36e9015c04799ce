// Invitations not yet accepted: an administrator sees who has a link waiting and can withdraw one
// sent to the wrong person (its link stops working at once).
import { useState } from 'react';
import type { TPendingInvitation } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { FormError } from '../shared/useFormSubmit.tsx';
import { formatDateTime } from './dates.ts';
import { ROLE_NAMES } from './screens.ts';

function PendingInvitation({ invitation, onChanged }: { invitation: TPendingInvitation; onChanged: (announcement: string) => void }) {
  const [error, setError] = useState<string>();
  const who = invitation.name ? `${invitation.name} (${invitation.email})` : invitation.email;
  const withdraw = async () => {
    setError(undefined);
    try {
      await api(`/staff/invitations/${invitation.id}`, { method: 'DELETE' });
      // The button goes with the invitation: keep keyboard users in this section.
      document.getElementById('pending-heading')?.focus();
      onChanged(`Invitation for ${who} withdrawn.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <li className="card">
      <h3 id={`invitation-${invitation.id}`}>{who}</h3>
      <p>
        {invitation.roles.map((role) => ROLE_NAMES[role]).join(', ')}. Invited {invitation.invitedBy ? `by ${invitation.invitedBy} ` : ''}on {formatDateTime(invitation.createdAt)}; the link
        works until {formatDateTime(invitation.expiresAt)}.
      </p>
      <FormError error={error} />
      <button type="button" className="secondary" onClick={() => void withdraw()} aria-describedby={`invitation-${invitation.id}`}>
        Withdraw invitation
      </button>
    </li>
  );
}

export function PendingInvitations({ invitations, onChanged }: { invitations: TPendingInvitation[]; onChanged: (announcement: string) => void }) {
  return (
    <section aria-labelledby="pending-heading">
      <h2 id="pending-heading" tabIndex={-1}>Invitations waiting to be accepted</h2>
      {invitations.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul className="cards">
          {invitations.map((invitation) => (
            <PendingInvitation key={invitation.id} invitation={invitation} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </section>
  );
}
