// Review (a new review date, with a note) or end (with the reason) an adjustment, disclosure or
// restriction. Each opens a small form in place; focus goes to its first field and back after.
import { useRef, useState } from 'react';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { formValues, usePanelSave } from './panelSave.ts';

type Mode = 'closed' | 'review' | 'end';

export function ReviewAndEnd({ kind, itemId, version, what, canEdit }: { kind: 'adjustments' | 'disclosures' | 'restrictions'; itemId: string; version: number; what: string; canEdit: boolean }) {
  const save = usePanelSave();
  const [mode, setMode] = useState<Mode>('closed');
  const opener = useRef<HTMLButtonElement>(null);
  const idPrefix = `${kind}-${itemId}`;
  const close = () => {
    setMode('closed');
    opener.current?.focus();
  };
  const { onSubmit, error, busy } = useFormSubmit(async (form) => {
    const values = formValues(form);
    if (mode === 'review') await save(`/${kind}/${itemId}/review`, 'POST', { nextReviewOn: values.nextReviewOn, note: values.note, version });
    else await save(`/${kind}/${itemId}/end`, 'POST', { reason: values.reason, version });
    setMode('closed');
  });
  if (!canEdit) return null;
  if (mode === 'closed') {
    return (
      <div className="actions">
        <button ref={opener} type="button" className="secondary" onClick={() => setMode('review')}>
          Review<span className="visually-hidden"> {what}</span>
        </button>
        <button type="button" className="secondary" onClick={() => setMode('end')}>
          End<span className="visually-hidden"> {what}</span>
        </button>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="inline-form" aria-label={`${mode === 'review' ? 'Review' : 'End'} ${what}`}>
      {mode === 'review' ? (
        <>
          <label htmlFor={`${idPrefix}-next`}>Next review date</label>
          <input id={`${idPrefix}-next`} name="nextReviewOn" type="date" autoFocus required />
          <label htmlFor={`${idPrefix}-note`}>What was considered (optional)</label>
          <textarea id={`${idPrefix}-note`} name="note" rows={2} />
        </>
      ) : (
        <>
          <label htmlFor={`${idPrefix}-reason`}>Why it is ending</label>
          <textarea id={`${idPrefix}-reason`} name="reason" rows={2} autoFocus required />
        </>
      )}
      <FormError error={error} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {mode === 'review' ? 'Save review' : 'End it'}
        </button>
        <button type="button" className="secondary" onClick={close}>
          Cancel
        </button>
      </div>
    </form>
  );
}
