import type { MouseEvent } from 'react';
import { STAGE_LABELS, STATUS_SHORT_LABELS, type TResidentPanel } from '@complaints/server/schemas';
import { DeadlineBadge } from '../cases/DeadlineBadge.tsx';
import { formatDate } from '../dates.ts';
import { navigate } from '../navigation.ts';

const SERVICE_REQUEST_LABELS: Record<string, string> = { open: 'Open', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' };

function follow(event: MouseEvent<HTMLAnchorElement>, to: string) {
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(to);
}

/** Previous complaints and service requests (1.4: requests are recorded and monitored too). */
export function ResidentHistory({ panel }: { panel: TResidentPanel }) {
  return (
    <>
      <section aria-labelledby="panel-complaints">
        <h2 id="panel-complaints">Complaints</h2>
        {panel.complaints.length === 0 && <p className="muted">No complaints.</p>}
        <ul className="panel-list">
          {panel.complaints.map((c) => (
            <li key={c.id}>
              <a href={`/cases/${c.id}`} onClick={(event) => follow(event, `/cases/${c.id}`)}>
                {c.reference}
              </a>{' '}
              {STAGE_LABELS[c.stage]}, {STATUS_SHORT_LABELS[c.status]?.toLowerCase()}, received {formatDate(c.receivedAt)}
              {c.deadline && (
                <>
                  {' — '}
                  <DeadlineBadge deadline={c.deadline} />
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="panel-service-requests">
        <h2 id="panel-service-requests">Service requests</h2>
        {panel.serviceRequests.length === 0 && <p className="muted">No service requests.</p>}
        <ul className="panel-list">
          {panel.serviceRequests.map((s) => (
            <li key={s.id}>
              <span className="strong">{s.reference}</span> {SERVICE_REQUEST_LABELS[s.status]}: {s.description} (received {formatDate(s.receivedAt)})
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
