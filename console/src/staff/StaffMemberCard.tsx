import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TStaffMember, TStaffRole } from '@complaints/server/schemas';
import { api } from '../shared/api.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { ROLE_NAMES } from './screens.ts';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' }) : 'never';

/** Asks before (de)activating: deactivation signs the person out everywhere at once. */
function Confirm({ member, onDone, onCancel }: { member: TStaffMember; onDone: (message: string) => void; onCancel: () => void }) {
  const question = useRef<HTMLParagraphElement>(null);
  const [error, setError] = useState<string>();
  useEffect(() => question.current?.focus(), []);
  const action = member.active ? 'deactivate' : 'reactivate';
  const confirm = async () => {
    try {
      await api(`/staff/${member.id}/${action}`, { method: 'POST' });
      onDone(member.active ? `${member.name} has been deactivated and signed out.` : `${member.name} can sign in again.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <div className="confirm">
      <p ref={question} tabIndex={-1}>
        {member.active
          ? `Deactivate ${member.name}? They will be signed out everywhere at once and cannot sign in until an administrator reactivates them.`
          : `Reactivate ${member.name}? They will be able to sign in again with their existing password and roles.`}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className={member.active ? 'danger' : undefined} onClick={confirm}>
          Yes, {action} {member.name}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function StaffMemberCard({ member, isSelf, canManage, onChanged }: { member: TStaffMember; isSelf: boolean; canManage: boolean; onChanged: () => void }) {
  const [roles, setRoles] = useState<TStaffRole[]>(member.roles);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [seenVersion, setSeenVersion] = useState(member.version);
  const heading = useRef<HTMLHeadingElement>(null);
  const idPrefix = `member-${member.id}`;
  // A newer copy from the server (after any change) resets the checkboxes to what was saved.
  if (member.version !== seenVersion) {
    setSeenVersion(member.version);
    setRoles(member.roles);
  }

  const saveRoles = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(undefined);
    setStatus('');
    try {
      await api(`/staff/${member.id}/roles`, { method: 'PUT', body: { roles, version: member.version } });
      setStatus(`Roles saved for ${member.name}.`);
      onChanged();
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <li className="card" aria-labelledby={`${idPrefix}-name`}>
      <h3 id={`${idPrefix}-name`} ref={heading} tabIndex={-1}>
        {member.name}
        {isSelf ? ' (you)' : ''}
      </h3>
      <p className="muted">{member.email}</p>
      <p>
        {member.active ? 'Active' : 'Deactivated'}. Last signed in: {when(member.lastLoginAt)}.
      </p>
      {!canManage && <p>Roles: {member.roles.map((role) => ROLE_NAMES[role]).join(', ')}</p>}
      {canManage && (
        <form onSubmit={saveRoles} noValidate>
          <RoleCheckboxes idPrefix={`${idPrefix}-role`} legend={`Roles for ${member.name}`} checked={roles} onChange={setRoles} />
          <button type="submit">
            Save roles<span className="visually-hidden"> for {member.name}</span>
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status">{status}</p>
      {canManage && !isSelf && !confirming && (
        <button type="button" className="secondary" onClick={() => setConfirming(true)}>
          {member.active ? 'Deactivate' : 'Reactivate'}
          <span className="visually-hidden"> {member.name}</span>
        </button>
      )}
      {confirming && (
        <Confirm
          member={member}
          onCancel={() => setConfirming(false)}
          onDone={(message) => {
            setConfirming(false);
            setStatus(message);
            // The confirmation (and the focused button in it) is gone: keep the user in this card.
            heading.current?.focus();
            onChanged();
          }}
        />
      )}
    </li>
  );
}
