// 6.8: a new issue raised before the stage 1 response joins this complaint (once acknowledged,
// with the definition above updated to cover it); if it would unreasonably delay the response it
// becomes a new complaint linked to this one. The engine decides which.
import { useState } from 'react';
import { ZRaiseRelatedIssueSchema, type TComplaintDefinition, type TComplaintView } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { DefinitionProblems } from './AcknowledgeForm.tsx';
import { Checkbox, TextArea } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useCaseContext, useDirty } from './useCase.ts';

type Outcome = { outcome: 'added_to_case'; complaint: TComplaintView } | { outcome: 'new_case'; complaint: TComplaintView; relatedTo: string };

export function RelatedIssueForm({ definition }: { definition: TComplaintDefinition }) {
  const { complaint } = useCaseContext();
  const [description, setDescription] = useState('');
  const [delay, setDelay] = useState(false);
  useDirty('related-issue', Boolean(description || delay));
  const acknowledged = complaint.status === 'acknowledged';
  const body = { description, wouldUnreasonablyDelay: delay, ...(acknowledged && !delay ? { definition } : {}), version: complaint.version };
  let opened: TComplaintView | undefined;
  const { errors, busy, onSubmit } = useActionSubmit(
    ZRaiseRelatedIssueSchema,
    async (sent) => {
      const result = await api<Outcome>(`/complaints/${complaint.id}/related-issues`, { method: 'POST', body: sent });
      if (result.outcome === 'added_to_case') return result.complaint;
      opened = result.complaint;
      return api<TComplaintView>(`/complaints/${complaint.id}`);
    },
    () => (opened ? `Logged as a new complaint, ${opened.reference}, linked to this one.` : 'The new issue is now part of this complaint.'),
  );
  return (
    <form noValidate onSubmit={onSubmit(() => body)} className="narrow">
      {acknowledged && <p>Update the complaint definition above so that it covers the new issue (5.6); it is saved with the issue.</p>}
      <TextArea id="related-description" label="The new issue" rows={3} required value={description} onChange={setDescription} error={errors.fields.description} />
      <Checkbox id="related-delay" label="Adding it would unreasonably delay the stage 1 response (log it as a new, linked complaint)" checked={delay} onChange={setDelay} />
      <DefinitionProblems fields={errors.fields} />
      <FormAlert errors={errors} />
      <button type="submit" disabled={busy}>
        {busy ? 'Recording…' : 'Record the new issue'}
      </button>
    </form>
  );
}
