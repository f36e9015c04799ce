// The actions the engine allows in the case's state (availableOperations) that the signed-in
// person's roles may take at the case's stage (permittedRoles, from the server's stage ownership
// rule). The server enforces both; this only hides what would be refused. One form open at a time.
import { useEffect, useRef, type ReactNode } from 'react';
import type { TComplaintDefinition, TComplaintView, TStaffRole } from '@complaints/server/schemas';
import { AcknowledgeForm } from './AcknowledgeForm.tsx';
import { AssignForm } from './AssignForm.tsx';
import { CloseForm } from './CloseForm.tsx';
import { EscalateForm } from './EscalateForm.tsx';
import { ExtendForm } from './ExtendForm.tsx';
import { RefuseForm } from './RefuseForm.tsx';
import { RelatedIssueForm } from './RelatedIssueForm.tsx';
import { RespondForm } from './RespondForm.tsx';

type Operation = TComplaintView['availableOperations'][number];

interface Action {
  op: Operation;
  label: (complaint: TComplaintView) => string;
  form: (definition: TComplaintDefinition) => ReactNode;
}

type CaseWork = keyof TComplaintView['permittedRoles'];

/** Whether the person with these roles may do this work on the case as it is now (the server's answer). */
export function mayDo(complaint: TComplaintView, roles: readonly TStaffRole[], work: CaseWork): boolean {
  return roles.some((role) => complaint.permittedRoles[work].includes(role));
}

const ACTIONS: readonly Action[] = [
  { op: 'acknowledge', label: () => 'Acknowledge', form: (definition) => <AcknowledgeForm definition={definition} /> },
  { op: 'extend', label: () => 'Extend the deadline', form: () => <ExtendForm /> },
  { op: 'respond', label: (c) => (c.stage === 'stage_1' ? 'Send the stage 1 response' : 'Send the final response'), form: () => <RespondForm /> },
  { op: 'escalate', label: () => 'Escalate to stage 2', form: () => <EscalateForm /> },
  { op: 'refuse', label: () => 'Refuse', form: () => <RefuseForm /> },
  { op: 'close', label: () => 'Close', form: () => <CloseForm /> },
  { op: 'assignHandler', label: () => 'Assign handler', form: () => <AssignForm /> },
  { op: 'addRelatedIssue', label: () => 'Record a related issue', form: (definition) => <RelatedIssueForm definition={definition} /> },
];

export function ActionPanel({
  complaint,
  roles,
  open,
  onOpen,
  definition,
}: {
  complaint: TComplaintView;
  roles: readonly TStaffRole[];
  open: Operation | undefined;
  onOpen: (op: Operation | undefined) => void;
  definition: TComplaintDefinition;
}) {
  const allowed = ACTIONS.filter(
    (action) => complaint.availableOperations.includes(action.op) && mayDo(complaint, roles, action.op),
  );
  const current = allowed.find((action) => action.op === open);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusOnOpen = useRef(false);
  useEffect(() => {
    if (current && focusOnOpen.current) heading.current?.focus();
    focusOnOpen.current = false;
  }, [current]);

  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">Actions</h2>
      {allowed.length === 0 ? (
        <p>Nothing to do on this case now{complaint.status === 'closed' ? ': it is closed' : ''}.</p>
      ) : (
        <ul className="action-buttons">
          {allowed.map((action) => (
            <li key={action.op}>
              <button
                type="button"
                className={action.op === open ? '' : 'secondary'}
                aria-expanded={action.op === open}
                aria-controls="action-form"
                onClick={() => {
                  focusOnOpen.current = action.op !== open;
                  onOpen(action.op === open ? undefined : action.op);
                }}
              >
                {action.label(complaint)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div id="action-form">
        {current && (
          <section aria-labelledby="action-form-heading" className="action-form">
            <h3 id="action-form-heading" ref={heading} tabIndex={-1}>
              {current.label(complaint)}
            </h3>
            {current.form(definition)}
          </section>
        )}
      </div>
    </section>
  );
}
