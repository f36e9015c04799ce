// The words people read for the engine's values, shared by the console, the timeline's audit
// summaries and the reports so all say the same thing. Browser-safe.
import type { DeadlineStatus, Stage } from './deadlines.ts';
import type { AdjustmentKind, ReportChannel } from './reports/reportCase.ts';
import type { ComplaintStatus, Decision, RefusalReason, RemedyKind } from './lifecycle/vocabulary.ts';

export const STAGE_LABELS: Record<Stage, string> = { stage_1: 'Stage 1', stage_2: 'Stage 2' };

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'Received: waiting to be acknowledged',
  acknowledged: 'Acknowledged: being investigated',
  responded: 'Responded',
  refused: 'Refused',
  closed: 'Closed',
};

/** The status alone, for lists and filters. */
export const STATUS_SHORT_LABELS: Record<ComplaintStatus, string> = {
  received: 'Received',
  acknowledged: 'Acknowledged',
  responded: 'Responded',
  refused: 'Refused',
  closed: 'Closed',
};

/** The engine's deadline summary status (domain/deadlines.ts), in words. */
export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  on_track: 'On track',
  due_soon: 'Due within 2 working days',
  overdue: 'Overdue',
};

export const DECISION_LABELS: Record<Decision, string> = { upheld: 'Upheld', partly_upheld: 'Partly upheld', not_upheld: 'Not upheld' };

/** 2.2's exclusions as the refusal form offers them. */
export const REFUSAL_REASON_LABELS: Record<RefusalReason, string> = {
  over_12_months: 'The issue arose more than 12 months ago',
  legal_proceedings: 'Legal proceedings have started',
  previously_considered: 'Already considered under the complaints policy',
  other: 'Another reason (explain it)',
};

/** 7.1's ways of putting things right. */
export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  apology: 'Apology',
  acknowledgement: 'Acknowledgement',
  explanation: 'Explanation',
  action_on_delay: 'Action on a delay',
  reconsidered_decision: 'Reconsidered decision',
  amended_record: 'Amended record',
  financial: 'Financial remedy',
  policy_change: 'Change of policy or procedure',
  other: 'Other remedy',
};

export const CHANNEL_LABELS: Record<ReportChannel, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  webchat: 'Web chat',
  botframework: 'Teams / Direct Line',
  phone: 'Phone call',
  letter: 'Letter',
  email: 'Email',
  in_person: 'Visit in person',
};

export const LETTER_KIND_LABELS: Record<string, string> = {
  acknowledgement: 'Acknowledgement letter',
  extension_notice: 'Extension notice',
  stage_1_response: 'Stage 1 response',
  final_response: 'Final response',
  refusal: 'Refusal letter',
  update: 'Update letter',
};

/** 5.10: the reasonable adjustments a resident may need. */
export const ADJUSTMENT_KIND_LABELS: Record<AdjustmentKind, string> = {
  large_print: 'Large print',
  language: 'Another language',
  text_only: 'Text only',
  call_times: 'Call times',
  support_worker: 'Support worker',
  easy_read: 'Easy read',
  braille: 'Braille',
  audio: 'Audio',
  sign_language: 'Sign language',
  other: 'Other',
};
