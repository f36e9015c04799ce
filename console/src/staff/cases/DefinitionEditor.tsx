// 5.6 / 5.7: the complaint definition of the current stage. The draft lives in the case body so
// acknowledging (and recording a related issue) can send what is typed here, and the
// acknowledgement letter's preview follows it as it is typed.
import { ZDefineComplaintSchema, type TComplaintDefinition, type TComplaintView } from '@complaints/server/schemas';
import { FormAlert } from './FormAlert.tsx';
import { TextArea } from './Field.tsx';
import { useActionSubmit } from './useActionSubmit.ts';

export const DEFINITION_FIELDS: readonly { key: keyof TComplaintDefinition; label: string; hint: string }[] = [
  { key: 'understanding', label: 'Our understanding of the complaint', hint: 'In plain words, what the resident is unhappy about (5.6).' },
  { key: 'outcomesSought', label: 'The outcomes the resident is seeking', hint: 'Ask the resident if this is unclear (5.6).' },
  { key: 'inResponsibility', label: 'What we are responsible for', hint: 'The aspects the landlord will answer for (5.7).' },
  { key: 'outOfResponsibility', label: 'What we are not responsible for', hint: 'Write "none" if every aspect is ours (5.7).' },
];

export const EMPTY_DEFINITION: TComplaintDefinition = { understanding: '', outcomesSought: '', inResponsibility: '', outOfResponsibility: '' };

export function definitionOf(complaint: TComplaintView): TComplaintDefinition {
  return complaint.stages.find((s) => s.stage === complaint.stage)?.definition ?? EMPTY_DEFINITION;
}

/** A definition as read, not edited (after the response restated it, and in the response form). */
export function DefinitionList({ definition }: { definition: TComplaintDefinition }) {
  return (
    <dl className="definition">
      {DEFINITION_FIELDS.map((field) => (
        <div key={field.key}>
          <dt>{field.label}</dt>
          <dd>{definition[field.key] || 'Not recorded'}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DefinitionEditor({
  complaint,
  draft,
  onChange,
  editable,
}: {
  complaint: TComplaintView;
  draft: TComplaintDefinition;
  onChange: (draft: TComplaintDefinition) => void;
  editable: boolean;
}) {
  const { errors, busy, onSubmit } = useActionSubmit(ZDefineComplaintSchema, { path: `/complaints/${complaint.id}/definition`, method: 'PUT' }, 'Complaint definition saved.', { keepActionOpen: true });
  const saved = definitionOf(complaint);
  const changed = JSON.stringify(saved) !== JSON.stringify(draft);
  return (
    <section aria-labelledby="definition-heading" className="panel">
      <h2 id="definition-heading">Complaint definition ({complaint.stage === 'stage_1' ? 'stage 1' : 'stage 2'})</h2>
      {editable ? (
        <form noValidate onSubmit={onSubmit(() => ({ definition: draft, version: complaint.version }))}>
          {DEFINITION_FIELDS.map((field) => (
            <TextArea
              key={field.key}
              id={`definition-${field.key}`}
              label={field.label}
              hint={field.hint}
              rows={3}
              required
              value={draft[field.key]}
              error={errors.fields[`definition.${field.key}`]}
              onChange={(value) => onChange({ ...draft, [field.key]: value })}
            />
          ))}
          <FormAlert errors={errors} />
          <p role="status" className="hint">
            {changed ? 'You have unsaved changes to the definition.' : 'The definition is saved.'}
          </p>
          <button type="submit" disabled={busy || !changed}>
            {busy ? 'Saving…' : 'Save definition'}
          </button>
        </form>
      ) : (
        <DefinitionList definition={saved} />
      )}
    </section>
  );
}
