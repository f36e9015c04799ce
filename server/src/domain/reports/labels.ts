// Words for the reports' codes, shared by the annual report, the CSV notes and the console.
// Browser-safe (the console imports these through the schemas).
import type { Decision, RemedyKind } from '../lifecycle/vocabulary.ts';
import type { AdjustmentKind, ReportChannel } from './reportCase.ts';

export const STAGE_LABELS = { stage_1: 'Stage 1', stage_2: 'Stage 2' } as const;

export const DECISION_LABELS: Record<Decision, string> = { upheld: 'Upheld', partly_upheld: 'Partly upheld', not_upheld: 'Not upheld' };

export const CHANNEL_LABELS: Record<ReportChannel, string> = {
  sms: 'SMS',
  whatsapp: 'WhatsApp',
  webchat: 'Web chat',
  botframework: 'Teams / Direct Line',
  phone: 'Phone',
  letter: 'Letter',
  email: 'Email',
  in_person: 'In person',
};

export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  apology: 'Apology',
  acknowledgement: 'Acknowledgement',
  explanation: 'Explanation',
  action_on_delay: 'Action on a delay',
  reconsidered_decision: 'Reconsidered decision',
  amended_record: 'Amended record',
  financial: 'Financial remedy',
  policy_change: 'Change of policy or procedure',
  other: 'Other',
};

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

/** 4250 → "£42.50"; 500000 → "£5,000.00". */
export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** 60 → "60.0%"; null → "–" (nothing to divide by). */
export function formatPercent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(1)}%`;
}
