// 6.4 / 6.15: extend the response timescale. The new date comes from the calendar API as the days
// change; past the engine's allowance (10 working days at stage 1, 20 at stage 2, from the original
// due date) the form warns and asks for the good reason, which the engine then requires.
import { useEffect, useState } from 'react';
import { ZExtendCaseSchema } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { TextArea, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { formatCivilDate } from './format.ts';
import { LetterPreview } from './LetterPreview.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useCaseContext, useDirty } from './useCase.ts';

const wholeNumber = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim() === '' ? undefined : Number.NaN);

function useNewDueDate(from: string | null, days: number | undefined) {
  const [date, setDate] = useState<{ days: number; date: string }>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (!from || days === undefined || !Number.isInteger(days) || days < 1 || days > 120) return;
    let current = true;
    api<{ date: string }>(`/calendar/add-working-days?from=${from}&days=${days}`)
      .then((answer) => current && (setDate({ days, date: answer.date }), setError(undefined)))
      .catch((caught: unknown) => current && setError((caught as Error).message));
    return () => {
      current = false;
    };
  }, [from, days]);
  return { date: date && date.days === days ? date.date : undefined, error };
}

export function ExtendForm() {
  const { complaint } = useCaseContext();
  const stage = complaint.stages.find((s) => s.stage === complaint.stage);
  const allowance = stage?.extensionAllowance ?? null;
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [goodReason, setGoodReason] = useState('');
  const [interval, setUpdateInterval] = useState('');
  useDirty('extend', Boolean(days || reason || goodReason || interval));

  const workingDays = wholeNumber(days);
  const newDue = useNewDueDate(stage?.responseDueOn ?? null, workingDays);
  const pastLimit = Boolean(newDue.date && allowance && newDue.date > allowance.latestDueOnWithoutGoodReason);
  const body = {
    workingDays,
    reason,
    goodReason: goodReason || undefined,
    updateIntervalDays: wholeNumber(interval),
    version: complaint.version,
  };
  const { errors, busy, onSubmit } = useActionSubmit(ZExtendCaseSchema, `/complaints/${complaint.id}/extend`, (c) =>
    c.deadline ? `Extended. The response is now due ${formatCivilDate(c.deadline.dueOn)}; the extension notice has been issued.` : 'Extended.',
  );

  return (
    <div className="action-layout">
      <form noValidate onSubmit={onSubmit(() => body)}>
        {stage?.responseDueOn && <p>The response is due {formatCivilDate(stage.responseDueOn)}.</p>}
        <TextField
          id="extend-workingDays"
          label="Extra working days"
          type="number"
          inputMode="numeric"
          required
          className="short"
          value={days}
          onChange={setDays}
          error={errors.fields.workingDays}
          hint="Weekends, bank holidays and closure days do not count."
        />
        <p role="status" className="new-date">
          {newDue.date ? `New due date: ${formatCivilDate(newDue.date)}` : newDue.error ? `The new date cannot be worked out: ${newDue.error}` : ''}
        </p>
        {pastLimit && allowance && (
          <div className="warning" role="alert">
            <p className="strong">
              This is more than {allowance.workingDays} working days after the original due date ({formatCivilDate(allowance.originalDueOn)}).
            </p>
            <p>
              The Code allows that only with a good reason, explained to the resident ({allowance.provision}). Without one the latest new date is{' '}
              {formatCivilDate(allowance.latestDueOnWithoutGoodReason)}.
            </p>
          </div>
        )}
        <TextArea
          id="extend-reason"
          label="Reason for the extension"
          hint="It is explained to the resident in the extension notice."
          required
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
        />
        <TextArea
          id="extend-goodReason"
          label={pastLimit ? 'Good reason for extending past the limit' : 'Good reason for a longer extension'}
          hint={pastLimit ? 'Required for this extension.' : `Only needed past ${allowance?.workingDays ?? 10} working days.`}
          required={pastLimit}
          value={goodReason}
          onChange={setGoodReason}
          error={errors.fields.goodReason}
        />
        <TextField
          id="extend-updateIntervalDays"
          label="Keep the resident updated every (days)"
          hint="How often you agreed to update them meanwhile (5.9)."
          type="number"
          inputMode="numeric"
          required={false}
          className="short"
          value={interval}
          onChange={setUpdateInterval}
          error={errors.fields.updateIntervalDays}
        />
        <FormAlert errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? 'Extending…' : 'Extend and send the notice'}
        </button>
      </form>
      <LetterPreview complaintId={complaint.id} operation="extend" body={body} />
    </div>
  );
}
