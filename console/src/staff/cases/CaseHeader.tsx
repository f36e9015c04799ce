import { CHANNEL_LABELS, STAGE_LABELS, STATUS_LABELS, type TComplaintView } from '@complaints/server/schemas';
import { CaseDeadline } from './DeadlineBadge.tsx';
import { formatCivilDate, formatInstant } from './format.ts';

const CONSENT_WORDS: Record<string, string> = {
  given: 'consent given',
  to_be_verified: 'consent to be verified',
  refused: 'consent refused',
  withdrawn: 'consent withdrawn',
};

export function staffName(complaint: TComplaintView, id: string | null | undefined): string {
  if (!id) return 'Not assigned';
  return complaint.staffNames[id] ?? 'A former member of staff';
}

export function CaseHeader({ complaint }: { complaint: TComplaintView }) {
  const rep = complaint.representative;
  return (
    <section aria-labelledby="case-summary-heading" className="case-header">
      <h2 id="case-summary-heading" className="visually-hidden">
        Case summary
      </h2>
      <CaseDeadline deadline={complaint.deadline} />
      <dl className="facts">
        <div>
          <dt>Reference</dt>
          <dd>{complaint.reference}</dd>
        </div>
        <div>
          <dt>Resident</dt>
          <dd>{complaint.resident.name ?? 'Name not recorded'}</dd>
        </div>
        <div>
          <dt>Channel</dt>
          <dd>{CHANNEL_LABELS[complaint.channel] ?? complaint.channel}</dd>
        </div>
        <div>
          <dt>Stage</dt>
          <dd>{STAGE_LABELS[complaint.stage]}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{STATUS_LABELS[complaint.status]}</dd>
        </div>
        <div>
          <dt>Handler</dt>
          <dd>{staffName(complaint, complaint.currentHandlerId)}</dd>
        </div>
        <div>
          <dt>Received</dt>
          <dd>{formatInstant(complaint.receivedAt)}</dd>
        </div>
        <div>
          <dt>Representative</dt>
          <dd>{rep ? `${rep.name} (${rep.relationship}${rep.organisation ? `, ${rep.organisation}` : ''}; ${CONSENT_WORDS[rep.consentStatus] ?? rep.consentStatus})` : 'None'}</dd>
        </div>
        {complaint.flaggedOverTwelveMonths && (
          <div className="flag">
            <dt>12 months</dt>
            <dd>
              The problem started {complaint.issueStartedOn ? `on ${formatCivilDate(complaint.issueStartedOn)}, ` : ''}more than 12 months before the complaint.
              Consider discretion before refusing (2.3).
            </dd>
          </div>
        )}
        {complaint.relatedTo && (
          <div>
            <dt>Opened from</dt>
            <dd>
              <a href={`/cases/${complaint.relatedTo.id}`}>{complaint.relatedTo.reference}</a>
            </dd>
          </div>
        )}
        {complaint.lastChange && (
          <div>
            <dt>Last change</dt>
            <dd>
              {complaint.lastChange.by}, {formatInstant(complaint.lastChange.at)}
            </dd>
          </div>
        )}
      </dl>
      <h3>What the resident told us</h3>
      <p className="summary">{complaint.summary}</p>
    </section>
  );
}
