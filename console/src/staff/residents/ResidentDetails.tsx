// Identity and channels: who the resident is and how we reach them (an opted-out channel gets no
// messages until the resident opts back in).
import { useState } from 'react';
import type { TResidentPanel } from '@complaints/server/schemas';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { CHANNEL_LABELS } from '@complaints/server/schemas';
import { formatDate } from '../dates.ts';
import { usePanelSave } from './panelSave.ts';

const FIELDS = [
  ['fullName', 'Full name'],
  ['preferredName', 'Preferred name'],
  ['addressLine', 'Address'],
  ['postcode', 'Postcode'],
  ['tenancyReference', 'Tenancy reference'],
  ['email', 'Email'],
  ['preferredLanguage', 'Preferred language'],
] as const;

function EditDetails({ panel, onDone }: { panel: TResidentPanel; onDone: () => void }) {
  const save = usePanelSave();
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const body: Record<string, unknown> = { version: panel.version };
    for (const [name] of FIELDS) body[name] = String(form.get(name) ?? '');
    if (!body.preferredLanguage) delete body.preferredLanguage;
    await save('', 'PUT', body);
    onDone();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label="Edit the resident’s details">
      {FIELDS.map(([name, label], index) => (
        <div key={name}>
          <label htmlFor={`resident-${name}`}>{label}</label>
          <input id={`resident-${name}`} name={name} defaultValue={panel[name] ?? ''} autoFocus={index === 0} type={name === 'email' ? 'email' : 'text'} />
        </div>
      ))}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save details
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ResidentDetails({ panel }: { panel: TResidentPanel }) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="panel-identity">
      <h2 id="panel-identity">{panel.preferredName ?? panel.fullName ?? 'Name not known'}</h2>
      {editing ? (
        <EditDetails panel={panel} onDone={() => setEditing(false)} />
      ) : (
        <>
          <dl className="details">
            {FIELDS.filter(([name]) => panel[name]).map(([name, label]) => (
              <div key={name}>
                <dt>{label}</dt>
                <dd>{panel[name]}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="secondary" onClick={() => setEditing(true)}>
            Edit details
          </button>
        </>
      )}
      <h3>Channels</h3>
      {panel.channels.length === 0 && <p className="muted">No channels recorded.</p>}
      <ul className="panel-list">
        {panel.channels.map((channel) => (
          <li key={channel.id}>
            {CHANNEL_LABELS[channel.channel]}
            {channel.address ? `: ${channel.address}` : ''}
            {channel.optedOut && channel.optedOutAt && (
              <strong className="opted-out"> — opted out on {formatDate(channel.optedOutAt)}: no messages are sent</strong>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
