// A made-up case for each kind of letter, so an administrator can see a letter template at work
// before saving it. Nothing here is a real resident or complaint.
import type { CivilDate } from '../civilDate.ts';
import type { WorkingCalendar } from '../workingDays.ts';
import type { LetterRequest } from './index.ts';
import type { TemplateLetterKind } from './template.ts';

export const SAMPLE_REFERENCE = 'CMP-0000-000000';

const definition = {
  understanding: 'Example: the repairs team missed two appointments to fix your boiler.',
  outcomesSought: 'Example: a working boiler and an apology.',
  inResponsibility: 'Example: the missed appointments and the repair.',
  outOfResponsibility: 'none',
};

export function sampleLetterRequest(kind: TemplateLetterKind, issuedOn: CivilDate, calendar: WorkingCalendar): LetterRequest {
  const stage = kind === 'final_response' ? 'stage_2' : 'stage_1';
  const reference = SAMPLE_REFERENCE;
  switch (kind) {
    case 'acknowledgement':
      return { kind, stage, reference, startedOn: issuedOn, definition, responseDueOn: calendar.addWorkingDays(issuedOn, 10) };
    case 'extension_notice':
      return {
        kind,
        stage,
        reference,
        previousDueOn: issuedOn,
        newDueOn: calendar.addWorkingDays(issuedOn, 10),
        reason: 'Example: we are waiting for a heating engineer’s report.',
        goodReason: null,
        updateIntervalDays: 7,
      };
    case 'stage_1_response':
    case 'final_response':
      return {
        kind,
        stage,
        reference,
        definition,
        decision: 'upheld',
        reasons: 'Example: both appointments were missed without telling you.',
        remedies: [{ kind: 'apology', description: 'Example: we apologise for the missed appointments', amountPence: null, dueOn: issuedOn, done: true }],
        outstandingActions: [{ description: 'Example: replace the boiler', dueOn: calendar.addWorkingDays(issuedOn, 15) }],
      };
    case 'refusal':
      return { kind, stage, reference, reasonCode: 'legal_proceedings', explanation: 'Example: a claim about this repair has been filed at the county court.' };
  }
}
