import { useCallback, useEffect, useState } from 'react';
import type { TPendingInvitation, TStaffMember, TStaffSessionUser } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { InviteForm } from './InviteForm.tsx';
import { PageHeading } from './PageHeading.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';
import { StaffMemberCard } from './StaffMemberCard.tsx';

/** Staff accounts: administrators manage them; complaints officers see who is who. */
export function StaffAdmin({ user }: { user: TStaffSessionUser }) {
  const canManage = user.roles.includes('admin');
  const [staff, setStaff] = useState<TStaffMember[]>();
  const [invitations, setInvitations] = useState<TPendingInvitation[]>();
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');

  const load = useCallback(() => {
    api<{ staff: TStaffMember[] }>('/staff')
      .then((answer) => {
        setStaff(answer.staff);
        setError(undefined);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
    if (canManage) {
      api<{ invitations: TPendingInvitation[] }>('/staff/invitations')
        .then((answer) => setInvitations(answer.invitations))
        .catch((caught: unknown) => setError((caught as Error).message));
    }
  }, [canManage]);
  useEffect(load, [load]);

  return (
    <>
      <PageHeading>Staff</PageHeading>
      {canManage && <InviteForm onInvited={load} />}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {canManage && invitations && (
        <PendingInvitations
          invitations={invitations}
          onChanged={(text) => {
            setAnnouncement(text);
            load();
          }}
        />
      )}
      <section aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Accounts</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!staff && !error && <p>Loading…</p>}
        {staff && (
          <ul className="cards">
            {staff.map((member) => (
              <StaffMemberCard key={member.id} member={member} isSelf={member.id === user.id} canManage={canManage} onChanged={load} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
