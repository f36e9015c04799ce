// 2.1-2.5: refusing is a person's decision, for one of the policy's reasons, explained in writing
// with the right to take it to the Housing Ombudsman (the letter carries that).
import { useState } from 'react';
import { REFUSAL_REASON_LABELS, ZRefuseCaseSchema } from '@complaints/server/schemas';
import { Checkbox, RadioGroup, TextArea } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { LetterPreview } from './LetterPreview.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useCaseContext, useDirty } from './useCase.ts';

const REASONS = Object.entries(REFUSAL_REASON_LABELS).map(([value, label]) => ({ value, label }));

export function RefuseForm() {
  const { complaint } = useCaseContext();
  const [reasonCode, setReasonCode] = useState('');
  const [explanation, setExplanation] = useState('');
  const [discretion, setDiscretion] = useState(false);
  useDirty('refuse', Boolean(reasonCode || explanation || discretion));
  const overTwelveMonths = reasonCode === 'over_12_months';
  const body = { reasonCode: reasonCode || undefined, explanation, ...(overTwelveMonths ? { discretionConsidered: discretion } : {}), version: complaint.version };
  const { errors, busy, onSubmit } = useActionSubmit(ZRefuseCaseSchema, `/complaints/${complaint.id}/refuse`, 'Refused. The refusal letter, with the right to go to the Ombudsman, has been issued.');
  return (
    <div className="action-layout">
      <form noValidate onSubmit={onSubmit(() => body)}>
        <p>Refuse only for a reason in the policy, never as a blanket exclusion (2.1). The resident is told why and that they can ask the Housing Ombudsman to look at it (2.4).</p>
        <RadioGroup name="refuse-reasonCode" label="Reason for not accepting the complaint" value={reasonCode} onChange={setReasonCode} options={REASONS} error={errors.fields.reasonCode} />
        {overTwelveMonths && (
          <Checkbox
            id="refuse-discretionConsidered"
            label="I considered whether there are good reasons to accept it anyway (2.3)"
            checked={discretion}
            onChange={setDiscretion}
            error={errors.fields.discretionConsidered}
          />
        )}
        <TextArea id="refuse-explanation" label="Explanation for the resident" rows={5} required value={explanation} onChange={setExplanation} error={errors.fields.explanation} />
        <FormAlert errors={errors} />
        <button type="submit" className="danger" disabled={busy}>
          {busy ? 'Refusing…' : 'Refuse and send the letter'}
        </button>
      </form>
      <LetterPreview complaintId={complaint.id} operation="refuse" body={body} />
    </div>
  );
}
