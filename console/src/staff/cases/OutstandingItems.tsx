// 6.6 / 6.17 / 7.3: remedies and outstanding actions, followed through to completion.
import { useState } from 'react';
import { REMEDY_KIND_LABELS, type TComplaintView } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { staffName } from './CaseHeader.tsx';
import { formatCivilDate, formatInstant } from './format.ts';
import { useCaseContext } from './useCase.ts';

interface Item {
  id: string;
  what: string;
  detail: string;
  dueOn: string;
  ownerId: string;
  doneAt: string | null;
  version: number;
}

function itemsOf(complaint: TComplaintView): Item[] {
  return [
    ...complaint.remedies.map((r) => ({
      ...r,
      what: `${REMEDY_KIND_LABELS[r.kind]}: ${r.description}`,
      detail: r.amountPence ? `£${(r.amountPence / 100).toFixed(2)}` : '',
    })),
    ...complaint.outstandingActions.map((a) => ({ ...a, what: `Outstanding action: ${a.description}`, detail: '' })),
  ];
}

export function OutstandingItems({ canAct }: { canAct: boolean }) {
  const { complaint, save, announce } = useCaseContext();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const items = itemsOf(complaint);
  if (items.length === 0) return null;
  const complete = async (item: Item) => {
    setBusy(item.id);
    setError(undefined);
    try {
      await save(() => api<TComplaintView>(`/complaints/${complaint.id}/actions/${item.id}/complete`, { method: 'POST', body: { version: item.version } }));
      announce(`Marked done: ${item.what}`);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section aria-labelledby="items-heading" className="panel">
      <h2 id="items-heading">Remedies and outstanding actions</h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ul className="cards">
        {items.map((item) => (
          <li key={item.id} className="card">
            <p className="strong">{item.what}</p>
            {item.detail && <p>{item.detail}</p>}
            <p>
              Due {formatCivilDate(item.dueOn)}; owner {staffName(complaint, item.ownerId)}.
            </p>
            <p>{item.doneAt ? `Done ${formatInstant(item.doneAt)}.` : 'Not done yet.'}</p>
            {!item.doneAt && canAct && complaint.availableOperations.includes('completeAction') && (
              <button type="button" className="secondary" aria-label={`Mark done: ${item.what}`} disabled={busy === item.id} onClick={() => void complete(item)}>
                Mark done
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
