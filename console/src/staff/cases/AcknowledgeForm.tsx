// 6.2 / 6.11: acknowledge with the definition as typed above; the letter preview follows it.
import { useEffect, useState } from 'react';
import { ZAcknowledgeComplaintRequestSchema, type TComplaintDefinition } from '@complaints/server/schemas';
import { DEFINITION_FIELDS } from './DefinitionEditor.tsx';
import { SelectField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import type { FieldErrors } from './formErrors.ts';
import { LetterPreview } from './LetterPreview.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useAssignees } from './useAssignees.ts';
import { useCaseContext } from './useCase.ts';

/** Errors about the definition belong to the editor above; list them here with links to it. */
export function DefinitionProblems({ fields }: { fields: FieldErrors }) {
  const problems = DEFINITION_FIELDS.filter((field) => fields[`definition.${field.key}`]);
  if (problems.length === 0) return null;
  return (
    <div className="field-error">
      <p>Complete the complaint definition above:</p>
      <ul>
        {problems.map((field) => (
          <li key={field.key}>
            <a href={`#definition-${field.key}`}>{fields[`definition.${field.key}`]}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Nobody handles the stage yet: say who will. Offers whom the server says may handle it, and
 * starts on the person acknowledging when they are one of them.
 */
function HandlerPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const { complaint, user } = useCaseContext();
  const people = useAssignees(complaint.id, 'handler');
  useEffect(() => {
    if (value === '' && people.assignees?.some((person) => person.id === user.id)) onChange(user.id);
  }, [people.assignees, user.id, value, onChange]);
  return (
    <>
      <SelectField
        id="acknowledge-handlerId"
        label={`${complaint.stage === 'stage_1' ? 'Stage 1' : 'Stage 2'} handler`}
        hint="Nobody handles this complaint yet."
        required
        placeholder={people.assignees ? 'Choose the handler' : 'Loading…'}
        value={value}
        onChange={onChange}
        options={people.options}
        error={error}
      />
      {people.error && <p className="error">The list of staff could not be loaded: {people.error}</p>}
    </>
  );
}

export function AcknowledgeForm({ definition }: { definition: TComplaintDefinition }) {
  const { complaint } = useCaseContext();
  const unassigned = complaint.stages.find((s) => s.stage === complaint.stage)?.handlerId == null;
  const [handlerId, setHandlerId] = useState('');
  const body = { definition, version: complaint.version, ...(unassigned && handlerId ? { handlerId } : {}) };
  const { errors, busy, onSubmit } = useActionSubmit(ZAcknowledgeComplaintRequestSchema, `/complaints/${complaint.id}/acknowledge`, 'Acknowledged. The acknowledgement letter has been issued.');
  return (
    <div className="action-layout">
      <form noValidate onSubmit={onSubmit(() => body)}>
        <p>
          Acknowledging logs the complaint at {complaint.stage === 'stage_1' ? 'stage 1' : 'stage 2'} with the complaint definition above, starts the
          response clock and sends the acknowledgement letter ({complaint.stage === 'stage_1' ? '6.2' : '6.11'}).
        </p>
        {unassigned && <HandlerPicker value={handlerId} onChange={setHandlerId} error={errors.fields.handlerId} />}
        <DefinitionProblems fields={errors.fields} />
        <FormAlert errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? 'Acknowledging…' : 'Acknowledge and send the letter'}
        </button>
      </form>
      <LetterPreview complaintId={complaint.id} operation="acknowledge" body={body} />
    </div>
  );
}
