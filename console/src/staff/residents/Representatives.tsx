// 3.6: who acts for the resident, and whether the resident's consent is recorded. Staff deal with
// a representative for the resident only once consent is given (the server works that out).
import { useState } from 'react';
import { CONSENT_METHODS, CONSENT_STATUSES, type TResidentPanel } from '@complaints/server/schemas';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { formatCivilDate } from '../dates.ts';
import { CONSENT_METHOD_LABELS, CONSENT_STATUS_LABELS } from './labels.ts';
import { formValues, usePanelSave } from './panelSave.ts';

type Representative = TResidentPanel['representatives'][number];

function consentBody(values: Record<string, string>) {
  return { status: values.status, method: values.method, evidence: values.evidence, givenOn: values.givenOn ?? null };
}

function ConsentFields({ idPrefix }: { idPrefix: string }) {
  return (
    <fieldset>
      <legend>Consent (3.6)</legend>
      <label htmlFor={`${idPrefix}-status`}>Consent</label>
      <select id={`${idPrefix}-status`} name="status" defaultValue="given">
        {CONSENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {CONSENT_STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-method`}>How it was given</label>
      <select id={`${idPrefix}-method`} name="method" defaultValue="verbal">
        {CONSENT_METHODS.map((method) => (
          <option key={method} value={method}>
            {CONSENT_METHOD_LABELS[method]}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-evidence`}>Where the evidence is</label>
      <p className="hint" id={`${idPrefix}-evidence-hint`}>
        A document reference or call recording
      </p>
      <input id={`${idPrefix}-evidence`} name="evidence" aria-describedby={`${idPrefix}-evidence-hint`} />
      <label htmlFor={`${idPrefix}-given`}>Date given</label>
      <input id={`${idPrefix}-given`} name="givenOn" type="date" />
    </fieldset>
  );
}

function RecordConsent({ representative }: { representative: Representative }) {
  const save = usePanelSave();
  const [open, setOpen] = useState(false);
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    await save(`/representatives/${representative.id}/consent`, 'POST', { ...consentBody(formValues(form)), version: representative.version });
    setOpen(false);
  });
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Record consent<span className="visually-hidden"> for {representative.name}</span>
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label={`Record consent for ${representative.name}`}>
      <ConsentFields idPrefix={`consent-${representative.id}`} />
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save consent
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddRepresentative() {
  const save = usePanelSave();
  const [open, setOpen] = useState(false);
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const values = formValues(form);
    await save('/representatives', 'POST', { name: values.name, relationship: values.relationship, organisation: values.organisation, phone: values.phone, email: values.email });
    setOpen(false);
  });
  if (!open) {
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        Add a representative
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label="Add a representative">
      <label htmlFor="rep-name">Name</label>
      <input id="rep-name" name="name" autoFocus />
      <label htmlFor="rep-relationship">Relationship to the resident</label>
      <input id="rep-relationship" name="relationship" />
      <label htmlFor="rep-organisation">Organisation (optional)</label>
      <input id="rep-organisation" name="organisation" />
      <label htmlFor="rep-phone">Phone (optional)</label>
      <input id="rep-phone" name="phone" type="tel" />
      <label htmlFor="rep-email">Email (optional)</label>
      <input id="rep-email" name="email" type="email" />
      <p className="hint">Record the resident’s consent next, once they have given it.</p>
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Add representative
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function Representatives({ representatives }: { representatives: Representative[] }) {
  return (
    <section aria-labelledby="panel-representatives">
      <h2 id="panel-representatives">Representatives</h2>
      {representatives.length === 0 && <p className="muted">Nobody is recorded as acting for this resident.</p>}
      <ul className="panel-list">
        {representatives.map((rep) => (
          <li key={rep.id} aria-label={rep.name}>
            <p className="strong">
              {rep.name} ({rep.relationship}
              {rep.organisation ? `, ${rep.organisation}` : ''})
            </p>
            {(rep.phone || rep.email) && <p>{[rep.phone, rep.email].filter(Boolean).join(' · ')}</p>}
            <p className={rep.mayActForResident ? 'consent-given' : 'consent-missing'}>
              <strong>{CONSENT_STATUS_LABELS[rep.consentStatus]}</strong>
              {rep.consentStatus === 'given' && rep.consentGivenOn
                ? ` — ${CONSENT_METHOD_LABELS[rep.consentMethod]?.toLowerCase()}, ${formatCivilDate(rep.consentGivenOn)}${rep.consentEvidence ? `; evidence: ${rep.consentEvidence}` : ''}`
                : ''}
            </p>
            {!rep.mayActForResident && <p>Do not discuss the resident’s case with them until consent is recorded as given.</p>}
            {rep.consentRecordedBy && <p className="muted">Recorded by {rep.consentRecordedBy.name}</p>}
            <RecordConsent representative={rep} />
          </li>
        ))}
      </ul>
      <AddRepresentative />
    </section>
  );
}
