// /admin/data-protection (admins): find a resident from a complaint reference, download
// everything held about them (subject access), erase their personal data on request, and run
// the retention sweep now. Every step is audited on the server.
import { useState } from 'react';
import { ERASURE_CONFIRMATION, type TRetentionSweepResult } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { PageHeading } from '../PageHeading.tsx';

interface ResidentSummary {
  residentId: string;
  name: string | null;
  anonymisedAt: string | null;
  complaints: { reference: string; status: string }[];
}

function Erase({ resident, onErased }: { resident: ResidentSummary; onErased: (message: string) => void }) {
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    await api(`/data-protection/residents/${resident.residentId}/erase`, { method: 'POST', body: { confirmation: form.get('confirmation'), reason: form.get('reason') } });
    onErased('Personal data erased. The complaint figures are unchanged.');
  });
  return (
    <form onSubmit={onSubmit} noValidate className="confirm narrow">
      <h3>Erase personal data on request</h3>
      <p>Names, contact details, messages, letters and the resident's own words are replaced; dates and outcomes stay for the statistics. This cannot be undone.</p>
      <label htmlFor="erase-reason">Reason for the erasure (for the audit record)</label>
      <input id="erase-reason" name="reason" autoComplete="off" />
      <label htmlFor="erase-confirmation">Type {ERASURE_CONFIRMATION} to confirm</label>
      <input id="erase-confirmation" name="confirmation" autoComplete="off" />
      <FormError error={error} />
      <button type="submit" className="danger" disabled={busy}>
        {busy ? 'Erasing…' : 'Erase personal data'}
      </button>
    </form>
  );
}

export function DataProtectionScreen() {
  const [resident, setResident] = useState<ResidentSummary>();
  const [message, setMessage] = useState('');
  const find = useFormSubmit(async (form) => {
    setResident(undefined);
    setResident(await api<ResidentSummary>(`/data-protection/residents?${new URLSearchParams({ reference: String(form.get('reference') ?? '') })}`));
  });
  const sweep = useFormSubmit(async () => {
    const result = await api<TRetentionSweepResult>('/data-protection/retention-sweep', { method: 'POST' });
    setMessage(`Retention sweep: ${result.anonymised} resident${result.anonymised === 1 ? '' : 's'} anonymised${result.more ? '; more are due, run it again' : ''}.`);
  });
  return (
    <>
      <PageHeading>Data protection</PageHeading>
      <p role="status">{message}</p>
      <section aria-labelledby="find-heading">
        <h2 id="find-heading">A resident's data</h2>
        <form onSubmit={find.onSubmit} noValidate className="narrow">
          <label htmlFor="dp-reference">Complaint reference</label>
          <input id="dp-reference" name="reference" placeholder="CMP-2026-000123" autoComplete="off" />
          <FormError error={find.error} />
          <button type="submit" disabled={find.busy}>
            Find the resident
          </button>
        </form>
        {resident && (
          <div className="card" aria-live="polite">
            <h3>{resident.anonymisedAt ? `Anonymised on ${resident.anonymisedAt.slice(0, 10)}` : (resident.name ?? 'Name not recorded')}</h3>
            <p>Complaints: {resident.complaints.map((c) => `${c.reference} (${c.status})`).join(', ')}</p>
            <p>
              <a href={`/api/data-protection/residents/${resident.residentId}/export`} download>
                Download everything held about this resident (JSON, subject access)
              </a>
            </p>
            {!resident.anonymisedAt && <Erase resident={resident} onErased={(text) => { setMessage(text); setResident({ ...resident, anonymisedAt: new Date().toISOString(), name: null }); }} />}
          </div>
        )}
      </section>
      <section aria-labelledby="sweep-heading">
        <h2 id="sweep-heading">Retention</h2>
        <p>The server anonymises residents whose complaints all closed longer ago than the retention period, every hour. You can run a batch now.</p>
        <form onSubmit={sweep.onSubmit}>
          <FormError error={sweep.error} />
          <button type="submit" className="secondary" disabled={sweep.busy}>
            Run the retention sweep now
          </button>
        </form>
      </section>
    </>
  );
}
