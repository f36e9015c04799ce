// 6.9 / 6.19: the stage 1 response or the final response, with every section the Code lists:
// (a) the stage and (b) the definition come from the case, (c) the decision, (d) the reasons,
// (e) remedies (7.1-7.3), (f) outstanding actions (6.6 / 6.17); (g) how to escalate is in the letter.
import { useState } from 'react';
import { DECISION_LABELS, REMEDY_KIND_LABELS, ZRespondCaseSchema } from '@complaints/server/schemas';
import { Checkbox, RadioGroup, SelectField, TextArea, TextField } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { poundsToPence, todayInLondon } from './format.ts';
import { LetterPreview } from './LetterPreview.tsx';
import { DefinitionList, definitionOf } from './DefinitionEditor.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useAssignees } from './useAssignees.ts';
import { useCaseContext, useDirty } from './useCase.ts';

interface RemedyRow {
  key: number;
  kind: string;
  description: string;
  amount: string;
  dueOn: string;
  ownerId: string;
  done: boolean;
}

interface ActionRow {
  key: number;
  description: string;
  dueOn: string;
  ownerId: string;
}

let rowKeys = 0;
const DECISION_OPTIONS = Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }));
const KIND_OPTIONS = Object.entries(REMEDY_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function RespondForm() {
  const { complaint, user } = useCaseContext();
  const owners = useAssignees(complaint.id, 'owner');
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const [remedies, setRemedies] = useState<RemedyRow[]>([]);
  const [actions, setActions] = useState<ActionRow[]>([]);
  useDirty('respond', Boolean(decision || reasons || remedies.length || actions.length));
  const finalResponse = complaint.stage === 'stage_2';
  const definition = definitionOf(complaint);

  const body = {
    decision: decision || undefined,
    reasons,
    remedies: remedies.map((r) => ({ kind: r.kind, description: r.description, amountPence: poundsToPence(r.amount), dueOn: r.dueOn, ownerId: r.ownerId, done: r.done })),
    outstandingActions: actions.map((a) => ({ description: a.description, dueOn: a.dueOn, ownerId: a.ownerId })),
    version: complaint.version,
  };
  const { errors, busy, onSubmit } = useActionSubmit(ZRespondCaseSchema, `/complaints/${complaint.id}/respond`, `${finalResponse ? 'Final' : 'Stage 1'} response sent.`);
  const field = (path: string) => errors.fields[path];
  const defaultOwner = owners.assignees?.some((a) => a.id === user.id) ? user.id : '';

  const updateRemedy = (key: number, change: Partial<RemedyRow>) => setRemedies((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));
  const updateAction = (key: number, change: Partial<ActionRow>) => setActions((rows) => rows.map((a) => (a.key === key ? { ...a, ...change } : a)));

  return (
    <div className="action-layout">
      <form noValidate onSubmit={onSubmit(() => body)}>
        <p>
          {finalResponse ? 'The final response (6.19)' : 'The stage 1 response (6.9)'} restates the complaint definition, gives the decision and reasons, and sets
          out any remedies and outstanding actions. The letter tells the resident how to {finalResponse ? 'go to the Housing Ombudsman' : 'ask for stage 2'}.
        </p>
        <details className="definition-recap">
          <summary>The complaint definition the letter restates</summary>
          <DefinitionList definition={definition} />
        </details>
        <RadioGroup
          name="respond-decision"
          label="Decision"
          value={decision}
          onChange={setDecision}
          error={field('decision')}
          options={DECISION_OPTIONS}
        />
        <TextArea id="respond-reasons" label="Reasons for the decision" rows={5} required value={reasons} onChange={setReasons} error={field('reasons')} />

        <fieldset className="rows" aria-describedby={field('remedies') ? 'respond-remedies-error' : undefined}>
          <legend>Remedies (7.1)</legend>
          <p className="hint">What will be put right, by when, and who owns it. Where something went wrong there must be at least one (an apology counts).</p>
          {field('remedies') && (
            <p id="respond-remedies-error" className="field-error">
              {field('remedies')}
            </p>
          )}
          {remedies.map((r, i) => (
            <div className="row-card" key={r.key} role="group" aria-label={`Remedy ${i + 1}`}>
              <SelectField id={`remedy-${i}-kind`} label="Kind of remedy" required value={r.kind} onChange={(kind) => updateRemedy(r.key, { kind })} options={KIND_OPTIONS} error={field(`remedies.${i}.kind`)} />
              <TextArea id={`remedy-${i}-description`} label="What will happen" rows={2} required value={r.description} onChange={(description) => updateRemedy(r.key, { description })} error={field(`remedies.${i}.description`)} />
              <TextField
                id={`remedy-${i}-amount`}
                label="Amount in pounds"
                inputMode="decimal"
                className="short"
                required={r.kind === 'financial'}
                hint={r.kind === 'financial' ? 'For example 50.00' : undefined}
                value={r.amount}
                onChange={(amount) => updateRemedy(r.key, { amount })}
                error={field(`remedies.${i}.amountPence`) && 'Enter the amount in pounds, for example 50.00'}
              />
              <TextField id={`remedy-${i}-dueOn`} label="Due by" type="date" required className="short" value={r.dueOn} onChange={(dueOn) => updateRemedy(r.key, { dueOn })} error={field(`remedies.${i}.dueOn`)} />
              <SelectField
                id={`remedy-${i}-ownerId`}
                label="Owner"
                required
                placeholder="Choose who owns it"
                value={r.ownerId}
                onChange={(ownerId) => updateRemedy(r.key, { ownerId })}
                options={owners.options}
                error={field(`remedies.${i}.ownerId`)}
              />
              <Checkbox id={`remedy-${i}-done`} label="Already done with this letter (for example the apology in it)" checked={r.done} onChange={(done) => updateRemedy(r.key, { done })} />
              <button type="button" className="secondary" onClick={() => setRemedies((rows) => rows.filter((row) => row.key !== r.key))}>
                Remove remedy {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() => setRemedies((rows) => [...rows, { key: ++rowKeys, kind: 'apology', description: '', amount: '', dueOn: todayInLondon(), ownerId: defaultOwner, done: false }])}
          >
            Add a remedy
          </button>
        </fieldset>

        <fieldset className="rows">
          <legend>Outstanding actions ({finalResponse ? '6.17' : '6.6'})</legend>
          <p className="hint">Work still to do when the response goes, tracked to completion.</p>
          {actions.map((a, i) => (
            <div className="row-card" key={a.key} role="group" aria-label={`Outstanding action ${i + 1}`}>
              <TextArea id={`action-${i}-description`} label="What will be done" rows={2} required value={a.description} onChange={(description) => updateAction(a.key, { description })} error={field(`outstandingActions.${i}.description`)} />
              <TextField id={`action-${i}-dueOn`} label="Due by" type="date" required className="short" value={a.dueOn} onChange={(dueOn) => updateAction(a.key, { dueOn })} error={field(`outstandingActions.${i}.dueOn`)} />
              <SelectField
                id={`action-${i}-ownerId`}
                label="Owner"
                required
                placeholder="Choose who owns it"
                value={a.ownerId}
                onChange={(ownerId) => updateAction(a.key, { ownerId })}
                options={owners.options}
                error={field(`outstandingActions.${i}.ownerId`)}
              />
              <button type="button" className="secondary" onClick={() => setActions((rows) => rows.filter((row) => row.key !== a.key))}>
                Remove outstanding action {i + 1}
              </button>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setActions((rows) => [...rows, { key: ++rowKeys, description: '', dueOn: '', ownerId: defaultOwner }])}>
            Add an outstanding action
          </button>
        </fieldset>
        {owners.error && <p className="error">The list of owners could not be loaded: {owners.error}</p>}
        <FormAlert errors={errors} />
        <button type="submit" disabled={busy}>
          {busy ? 'Sending…' : finalResponse ? 'Send the final response' : 'Send the stage 1 response'}
        </button>
      </form>
      <LetterPreview complaintId={complaint.id} operation="respond" body={body} />
    </div>
  );
}
