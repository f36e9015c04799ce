// 6.10-6.13: the resident asks for stage 2. The picker lists only who the server offers (never
// the stage 1 handler, 6.13); the engine refuses anyone forced past it.
import { useState } from 'react';
import { ZEscalateCaseSchema } from '@complaints/server/schemas';
import { SelectField, TextArea } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { formatCivilDate } from './format.ts';
import { LetterPreview } from './LetterPreview.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useAssignees } from './useAssignees.ts';
import { useCaseContext, useDirty } from './useCase.ts';

export function EscalateForm() {
  const { complaint } = useCaseContext();
  const reviewers = useAssignees(complaint.id, 'escalation');
  const [handlerId, setHandlerId] = useState('');
  const [reason, setReason] = useState('');
  useDirty('escalate', Boolean(handlerId || reason));
  const body = { handlerId, reason: reason || undefined, version: complaint.version };
  const { errors, busy, onSubmit } = useActionSubmit(ZEscalateCaseSchema, `/complaints/${complaint.id}/escalate`, (c) =>
    c.deadline ? `Escalated to stage 2. The stage 2 acknowledgement is due ${formatCivilDate(c.deadline.dueOn)}.` : 'Escalated to stage 2.',
  );
  return (
    <div className="action-layout">
      <form noValidate onSubmit={onSubmit(() => body)}>
        <p>Stage 2 is a fresh look by someone who did not handle stage 1 (6.13). Its acknowledgement is due within 5 working days of the request (6.11).</p>
        <SelectField
          id="escalate-handlerId"
          label="Stage 2 handler"
          hint="Reviewers other than the stage 1 handler."
          required
          placeholder={reviewers.assignees ? 'Choose the stage 2 handler' : 'Loading…'}
          value={handlerId}
          onChange={setHandlerId}
          options={reviewers.options}
          error={errors.fields.handlerId}
        />
        {reviewers.assignees?.length === 0 && <p className="warning">Nobody else can take stage 2: ask an administrator to give someone the reviewer role.</p>}
        {reviewers.error && <p className="error">The list of reviewers could not be loaded: {reviewers.error}</p>}
        <TextArea
          id="escalate-reason"
          label="Why the resident wants stage 2"
          hint="The resident need not give a reason (6.12)."
          required={false}
          value={reason}
          onChange={setReason}
          error={errors.fields.reason}
        />
        <FormAlert errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? 'Escalating…' : 'Escalate to stage 2'}
        </button>
      </form>
      <LetterPreview
        complaintId={complaint.id}
        operation="escalate"
        body={body}
        noLetter="Escalating sends no letter now: the stage 2 acknowledgement letter goes when the stage 2 handler acknowledges (6.11)."
      />
    </div>
  );
}
