// 5.10: reasonable adjustments (agreed ones kept under review) and disclosed disabilities or
// vulnerabilities. Any member of staff records them: residents often mention them in a live chat.
import { ADJUSTMENT_KINDS, DISCLOSURE_KINDS, type TResidentPanel } from '@complaints/server/schemas';
import { InlineForm } from './InlineForm.tsx';
import { ADJUSTMENT_KIND_LABELS } from '@complaints/server/schemas';
import { ADJUSTMENT_STATUS_LABELS, DISCLOSURE_KIND_LABELS } from './labels.ts';
import { usePanelSave } from './panelSave.ts';
import { ReviewAndEnd } from './ReviewAndEnd.tsx';
import { ReviewDate } from './ReviewDate.tsx';

export function Adjustments({ adjustments }: { adjustments: TResidentPanel['adjustments'] }) {
  const save = usePanelSave();
  return (
    <section aria-labelledby="panel-adjustments">
      <h2 id="panel-adjustments">Reasonable adjustments</h2>
      {adjustments.length === 0 && <p className="muted">None recorded.</p>}
      <ul className="panel-list">
        {adjustments.map((a) => (
          <li key={a.id} className={a.reviewOverdue ? 'needs-review' : undefined} aria-label={`${ADJUSTMENT_KIND_LABELS[a.kind]}: ${a.details}`}>
            <p>
              <span className="strong">{ADJUSTMENT_KIND_LABELS[a.kind]}</span>: {a.details} <span className="tag">{ADJUSTMENT_STATUS_LABELS[a.status]}</span>
            </p>
            <ReviewDate reviewOn={a.reviewOn} overdue={a.reviewOverdue} inForce={a.inForce} />
            <ReviewAndEnd kind="adjustments" itemId={a.id} version={a.version} what={`${ADJUSTMENT_KIND_LABELS[a.kind]} adjustment`} canEdit={a.inForce} />
          </li>
        ))}
      </ul>
      <InlineForm open="Add a reasonable adjustment" label="Add a reasonable adjustment" submit={(v) => save('/adjustments', 'POST', { kind: v.kind, details: v.details, status: v.status, reviewOn: v.reviewOn })}>
        <label htmlFor="adjustment-kind">Kind</label>
        <select id="adjustment-kind" name="kind" defaultValue="large_print">
          {ADJUSTMENT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ADJUSTMENT_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <label htmlFor="adjustment-details">What the adjustment is</label>
        <input id="adjustment-details" name="details" />
        <label htmlFor="adjustment-status">Status</label>
        <select id="adjustment-status" name="status" defaultValue="agreed">
          <option value="requested">Requested</option>
          <option value="agreed">Agreed</option>
          <option value="declined">Declined</option>
        </select>
        <label htmlFor="adjustment-review">Review date (needed once agreed)</label>
        <input id="adjustment-review" name="reviewOn" type="date" />
      </InlineForm>
    </section>
  );
}

export function Disclosures({ disclosures }: { disclosures: TResidentPanel['disclosures'] }) {
  const save = usePanelSave();
  return (
    <section aria-labelledby="panel-disclosures">
      <h2 id="panel-disclosures">Disclosed disabilities and vulnerabilities</h2>
      {disclosures.length === 0 && <p className="muted">None disclosed.</p>}
      <ul className="panel-list">
        {disclosures.map((d) => (
          <li key={d.id} className={d.reviewOverdue ? 'needs-review' : undefined} aria-label={`${DISCLOSURE_KIND_LABELS[d.kind]}: ${d.description}`}>
            <p>
              <span className="strong">{DISCLOSURE_KIND_LABELS[d.kind]}</span>: {d.description}
              {!d.inForce && <span className="tag">Ended</span>}
            </p>
            <ReviewDate reviewOn={d.reviewOn} overdue={d.reviewOverdue} inForce={d.inForce} />
            <ReviewAndEnd kind="disclosures" itemId={d.id} version={d.version} what={`${DISCLOSURE_KIND_LABELS[d.kind]} disclosure`} canEdit={d.inForce} />
          </li>
        ))}
      </ul>
      <InlineForm open="Record a disclosure" label="Record a disclosure" submit={(v) => save('/disclosures', 'POST', { kind: v.kind, description: v.description, reviewOn: v.reviewOn })}>
        <label htmlFor="disclosure-kind">Kind</label>
        <select id="disclosure-kind" name="kind" defaultValue="disability">
          {DISCLOSURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {DISCLOSURE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
        <label htmlFor="disclosure-description">What the resident told us</label>
        <textarea id="disclosure-description" name="description" rows={2} />
        <label htmlFor="disclosure-review">Review date (optional)</label>
        <input id="disclosure-review" name="reviewOn" type="date" />
      </InlineForm>
    </section>
  );
}

