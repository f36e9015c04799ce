// Complaints officers and administrators allocate the current stage (6.13 applies at stage 2).
import { useState } from 'react';
import { ZAssignCaseRequestSchema } from '@complaints/server/schemas';
import { SelectField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { staffName } from './CaseHeader.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useAssignees } from './useAssignees.ts';
import { useCaseContext, useDirty } from './useCase.ts';

export function AssignForm() {
  const { complaint } = useCaseContext();
  const people = useAssignees(complaint.id, 'handler');
  const [handlerId, setHandlerId] = useState('');
  useDirty('assign', Boolean(handlerId));
  const body = { stage: complaint.stage, handlerId, version: complaint.version };
  const { errors, busy, onSubmit } = useActionSubmit(ZAssignCaseRequestSchema, `/complaints/${complaint.id}/assign`, (c) => `${staffName(c, c.currentHandlerId)} now handles this complaint.`);
  return (
    <form noValidate onSubmit={onSubmit(() => body)} className="narrow">
      <SelectField
        id="assign-handlerId"
        label={`${complaint.stage === 'stage_1' ? 'Stage 1' : 'Stage 2'} handler`}
        hint={complaint.stage === 'stage_2' ? 'Reviewers other than the stage 1 handler (6.13).' : 'Staff with the handler role.'}
        required
        placeholder={people.assignees ? 'Choose the handler' : 'Loading…'}
        value={handlerId}
        onChange={setHandlerId}
        options={people.options}
        error={errors.fields.handlerId}
      />
      {people.error && <p className="error">The list of staff could not be loaded: {people.error}</p>}
      <FormAlert errors={errors} />
      <button type="submit" disabled={busy}>
        {busy ? 'Assigning…' : 'Assign'}
      </button>
    </form>
  );
}
