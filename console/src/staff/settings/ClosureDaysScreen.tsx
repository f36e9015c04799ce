// /admin/closure-days: the days the landlord is closed, which no Code timescale counts as a
// working day. Administrators add them with a reason and remove them; the server audits each
// change and tells every console (calendar.updated), so the list stays current.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { useStaffEvents } from '../live/staffSocket.ts';
import { formatCivilDate, todayInLondon } from '../cases/format.ts';
import '../cases/cases.css';

interface ClosureDay {
  date: string;
  description: string;
}

const spelt = formatCivilDate;

function ClosureDayItem({ day, onRemoved }: { day: ClosureDay; onRemoved: (message: string) => void }) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api(`/calendar/closure-days/${day.date}`, { method: 'DELETE' });
      onRemoved(`Removed ${spelt(day.date)}: it is a working day again.`);
    } catch (caught) {
      setError((caught as Error).message);
      setBusy(false);
    }
  };
  return (
    <li className="card">
      <h3>{spelt(day.date)}</h3>
      <p>{day.description}</p>
      <button type="button" className="secondary" onClick={remove} disabled={busy}>
        Remove<span className="visually-hidden"> the closure day on {spelt(day.date)}</span>
      </button>
      <FormError error={error} />
    </li>
  );
}

export function ClosureDaysScreen() {
  const [days, setDays] = useState<ClosureDay[]>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);
  const load = useCallback(() => {
    api<{ closureDays: ClosureDay[] }>('/calendar/closure-days')
      .then((answer) => {
        setDays(answer.closureDays);
        setError(undefined);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  useEffect(load, [load]);
  useStaffEvents((type) => {
    if (type === 'calendar.updated') load();
  });
  const changed = (message: string) => {
    setStatus(message);
    load();
    // The button that was pressed may be gone: say what happened where focus lands.
    requestAnimationFrame(() => statusRef.current?.focus());
  };
  const add = useFormSubmit(async (form, element) => {
    // The server checks the date (a real date, not a weekend or bank holiday, not already closed).
    const added = await api<ClosureDay>('/calendar/closure-days', { method: 'POST', body: { date: form.get('date'), description: form.get('description') } });
    element.reset();
    changed(`Added ${spelt(added.date)}: it is no longer a working day.`);
  });

  const today = todayInLondon();
  const upcoming = days?.filter((day) => day.date >= today) ?? [];
  const past = days?.filter((day) => day.date < today) ?? [];
  return (
    <>
      <PageHeading>Closure days</PageHeading>
      <p>
        Days your offices are closed besides weekends and bank holidays (for example between Christmas and New Year). No Code timescale counts them as
        working days: deadlines worked out from now on skip them, and working days left are counted without them. Dates already given to residents do not
        change.
      </p>
      <form onSubmit={add.onSubmit} noValidate className="narrow" aria-labelledby="add-closure-heading">
        <h2 id="add-closure-heading">Add a closure day</h2>
        <label htmlFor="closure-date">Date</label>
        <input id="closure-date" name="date" type="date" min={today} required />
        <label htmlFor="closure-description">Reason</label>
        <p className="hint" id="closure-description-hint">
          Staff see this next to the date, for example “Office closed between Christmas and New Year”.
        </p>
        <input id="closure-description" name="description" maxLength={200} required aria-describedby="closure-description-hint" />
        <FormError error={add.error} />
        <button type="submit" disabled={add.busy}>
          {add.busy ? 'Adding…' : 'Add closure day'}
        </button>
      </form>
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      <section aria-labelledby="upcoming-closures-heading">
        <h2 id="upcoming-closures-heading">Upcoming closure days</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!days && !error && <p>Loading…</p>}
        {days && upcoming.length === 0 && <p>No closure days are planned.</p>}
        {upcoming.length > 0 && (
          <ul className="cards" aria-labelledby="upcoming-closures-heading">
            {upcoming.map((day) => (
              <ClosureDayItem key={day.date} day={day} onRemoved={changed} />
            ))}
          </ul>
        )}
      </section>
      {/* Past closure days shaped deadlines already given: they are shown, not removable. */}
      {past.length > 0 && (
        <details>
          <summary>Past closure days ({past.length})</summary>
          <ul>
            {past.map((day) => (
              <li key={day.date}>
                {spelt(day.date)}: {day.description}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
