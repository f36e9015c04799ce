// 3.6: who acts for the resident, and whether the resident's consent is recorded. Staff deal with
// a representative for the resident only once consent is given (the server works that out).
import { CONSENT_METHODS, CONSENT_STATUSES, type TResidentPanel } from '@complaints/server/schemas';
import { formatCivilDate } from '../dates.ts';
import { CONSENT_METHOD_LABELS, CONSENT_STATUS_LABELS } from './labels.ts';
import { InlineForm } from './InlineForm.tsx';
import { usePanelSave } from './panelSave.ts';

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
  return (
    <InlineForm
      open={
        <>
          Record consent<span className="visually-hidden"> for {representative.name}</span>
        </>
      }
      label={`Record consent for ${representative.name}`}
      submitLabel="Save consent"
      submit={(values) => save(`/representatives/${representative.id}/consent`, 'POST', { ...consentBody(values), version: representative.version })}
    >
      <ConsentFields idPrefix={`consent-${representative.id}`} />
    </InlineForm>
  );
}

function AddRepresentative() {
  const save = usePanelSave();
  return (
    <InlineForm
      open="Add a representative"
      label="Add a representative"
      submitLabel="Add representative"
      submit={(v) => save('/representatives', 'POST', { name: v.name, relationship: v.relationship, organisation: v.organisation, phone: v.phone, email: v.email })}
    >
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
    </InlineForm>
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
