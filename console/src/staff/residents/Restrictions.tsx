// 5.14-5.15: restrictions on contact, evidenced and reviewed; decided by complaints officers and
// admins (the server refuses anyone else). They never remove the right to complain.
import type { TResidentPanel } from '@complaints/server/schemas';
import { hasAnyRole, useCurrentUser } from '../currentUser.ts';
import { formatCivilDate, formatDate } from '../dates.ts';
import { InlineForm } from './InlineForm.tsx';
import { usePanelSave } from './panelSave.ts';
import { ReviewAndEnd } from './ReviewAndEnd.tsx';
import { ReviewDate } from './ReviewDate.tsx';

export function Restrictions({ restrictions }: { restrictions: TResidentPanel['restrictions'] }) {
  const save = usePanelSave();
  const mayDecide = hasAnyRole(useCurrentUser(), ['complaints_officer', 'admin']);
  return (
    <section aria-labelledby="panel-restrictions">
      <h2 id="panel-restrictions">Contact restrictions</h2>
      <p className="notice">
        A restriction limits how contact happens. It never removes the resident’s right to complain: accept and log any complaint they make (Code 5.14–5.15).
      </p>
      {restrictions.length === 0 && <p className="muted">No restrictions.</p>}
      <ul className="panel-list">
        {restrictions.map((r) => (
          <li key={r.id} className={r.reviewOverdue ? 'needs-review' : undefined} aria-label={`Restriction: ${r.scope}`}>
            <p>
              <span className="strong">{r.scope}</span>
              {!r.inForce && <span className="tag">Ended{r.endedAt ? ` ${formatDate(r.endedAt)}` : ''}</span>}
            </p>
            <p>Reason: {r.reason}</p>
            <p>Evidence: {r.evidence}</p>
            <p className="muted">
              From {formatCivilDate(r.startsOn)}
              {r.decidedBy ? `, decided by ${r.decidedBy.name}` : ''}
            </p>
            <ReviewDate reviewOn={r.reviewOn} overdue={r.reviewOverdue} inForce={r.inForce} />
            <ReviewAndEnd kind="restrictions" itemId={r.id} version={r.version} what={`restriction: ${r.scope}`} canEdit={mayDecide && r.inForce} />
          </li>
        ))}
      </ul>
      {mayDecide && (
        <InlineForm open="Add a contact restriction" label="Add a contact restriction" submit={(v) => save('/restrictions', 'POST', { scope: v.scope, reason: v.reason, evidence: v.evidence, startsOn: v.startsOn, reviewOn: v.reviewOn })}>
          <label htmlFor="restriction-scope">What the restriction is</label>
          <input id="restriction-scope" name="scope" />
          <label htmlFor="restriction-reason">Why it is needed</label>
          <textarea id="restriction-reason" name="reason" rows={2} />
          <label htmlFor="restriction-evidence">The evidence for it</label>
          <textarea id="restriction-evidence" name="evidence" rows={2} />
          <label htmlFor="restriction-starts">Starts on (default today)</label>
          <input id="restriction-starts" name="startsOn" type="date" />
          <label htmlFor="restriction-review">Review date</label>
          <input id="restriction-review" name="reviewOn" type="date" />
        </InlineForm>
      )}
    </section>
  );
}
