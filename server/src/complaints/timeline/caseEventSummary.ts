// 5.12: the audit log as a person reads it in the case timeline. Each known action becomes a
// sentence built from named fields; nothing is ever shown as the raw before/after JSON, and an
// action this file does not know shows only its name. Pure: names come in through `lookup`.
import { CHANNEL_LABELS, DECISION_LABELS, REFUSAL_REASON_LABELS, REMEDY_KIND_LABELS } from '../../domain/labels.ts';

type Json = unknown;
type Fields = Record<string, Json> | null;

export interface SummaryLookup {
  staffName(id: string): string | undefined;
  categoryName(id: string): string | undefined;
  /** A remedy's or outstanding action's description, by id. */
  itemDescription(id: string): string | undefined;
}

export interface CaseEventSummary {
  summary: string;
  details: string[];
}

const text = (value: Json): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const num = (value: Json): number | undefined => (typeof value === 'number' ? value : undefined);
const obj = (value: Json): Fields => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, Json>) : null);

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** A civil date (YYYY-MM-DD) as "17 April 2026". */
export function formatCivilDate(value: Json): string | undefined {
  const day = text(value);
  return day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? longDate.format(new Date(`${day}T00:00:00Z`)) : undefined;
}

const label = (labels: Record<string, string>, value: Json) => (text(value) ? (labels[value as string] ?? (value as string)) : undefined);
const present = (...lines: (string | false | 0 | undefined)[]) => lines.filter((line): line is string => Boolean(line));

/** "complaint.related_issue_added" → "Complaint related issue added". */
export function humaniseAction(action: string): string {
  const words = action.replace(/[._]/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DEFINITION_PARTS: Record<string, string> = {
  understanding: 'our understanding',
  outcomesSought: 'the outcomes sought',
  inResponsibility: 'what we are responsible for',
  outOfResponsibility: 'what we are not responsible for',
};

export function describeCaseEvent(
  event: { action: string; entityId: string; before: Json; after: Json },
  lookup: SummaryLookup,
): CaseEventSummary {
  const before = obj(event.before);
  const after = obj(event.after) ?? {};
  const person = (value: Json) => (text(value) ? (lookup.staffName(value as string) ?? 'a former member of staff') : undefined);
  switch (event.action) {
    case 'complaint.received':
      return {
        summary: 'Complaint received',
        details: present(
          formatCivilDate(after.acknowledgementDueOn) && `Acknowledgement due ${formatCivilDate(after.acknowledgementDueOn)}`,
          person(after.handlerId) && `Handler: ${person(after.handlerId)}`,
          after.flaggedOverTwelveMonths === true && 'The problem started more than 12 months before the complaint (2.3): consider discretion',
        ),
      };
    case 'complaint.definition_updated': {
      const old = obj(before?.definition);
      const now = obj(after.definition) ?? {};
      const changed = Object.keys(DEFINITION_PARTS).filter((key) => (old?.[key] ?? null) !== (now[key] ?? null));
      return { summary: 'Complaint definition updated', details: changed.length ? [`Changed: ${changed.map((key) => DEFINITION_PARTS[key]).join(', ')}`] : [] };
    }
    case 'complaint.acknowledged':
      return {
        summary: 'Acknowledged, defined and logged',
        details: present(
          formatCivilDate(after.responseDueOn) && `Response due ${formatCivilDate(after.responseDueOn)}`,
          person(after.handlerId) && `Handler: ${person(after.handlerId)}`,
          after.acknowledgedLate === true && 'Acknowledged after the due date',
        ),
      };
    case 'complaint.handler_assigned':
      return { summary: `Handler assigned: ${person(after.handlerId) ?? 'nobody'}`, details: present(person(before?.handlerId) && `Previously: ${person(before?.handlerId)}`) };
    case 'complaint.extended': {
      const extension = obj(after.extension) ?? {};
      const days = num(extension.workingDays);
      return {
        summary: `Response deadline extended${days ? ` by ${days} working day${days === 1 ? '' : 's'}` : ''} to ${formatCivilDate(after.responseDueOn) ?? 'a new date'}`,
        details: present(
          text(extension.reason) && `Reason: ${text(extension.reason)}`,
          text(extension.goodReason) && `Good reason for a longer extension: ${text(extension.goodReason)}`,
          num(extension.updateIntervalDays) && `Resident to be updated every ${num(extension.updateIntervalDays)} days`,
        ),
      };
    }
    case 'complaint.responded':
      return {
        summary: `Response issued: ${label(DECISION_LABELS, after.decision) ?? 'decision recorded'}`,
        details: present(after.respondedLate === true && 'Responded after the due date'),
      };
    case 'remedy.added':
      return {
        summary: `Remedy: ${label(REMEDY_KIND_LABELS, after.kind) ?? 'remedy'} \u2013 ${text(after.description) ?? ''}`.trim(),
        details: present(
          num(after.amountPence) && `Amount: \u00a3${((num(after.amountPence) as number) / 100).toFixed(2)}`,
          formatCivilDate(after.dueOn) && `Due ${formatCivilDate(after.dueOn)}`,
          person(after.ownerId) && `Owner: ${person(after.ownerId)}`,
          after.doneAt !== null && after.doneAt !== undefined && 'Done when the response was issued',
        ),
      };
    case 'action.added':
      return {
        summary: `Outstanding action: ${text(after.description) ?? ''}`.trim(),
        details: present(formatCivilDate(after.dueOn) && `Due ${formatCivilDate(after.dueOn)}`, person(after.ownerId) && `Owner: ${person(after.ownerId)}`),
      };
    case 'remedy.completed':
    case 'action.completed': {
      const what = lookup.itemDescription(event.entityId);
      return { summary: `${event.action === 'remedy.completed' ? 'Remedy' : 'Outstanding action'} done${what ? `: ${what}` : ''}`, details: [] };
    }
    case 'complaint.actions_completed':
      return { summary: 'Every remedy and outstanding action is done', details: [] };
    case 'complaint.escalated':
      return {
        summary: 'Escalated to stage 2',
        details: present(
          text(after.escalationReason) ? `Reason the resident gave: ${text(after.escalationReason)}` : 'The resident gave no reason (none is needed, 6.12)',
          person(after.handlerId) && `Stage 2 handler: ${person(after.handlerId)}`,
          formatCivilDate(after.acknowledgementDueOn) && `Stage 2 acknowledgement due ${formatCivilDate(after.acknowledgementDueOn)}`,
        ),
      };
    case 'complaint.refused': {
      const refusal = obj(after.refusal) ?? {};
      return { summary: `Refused: ${label(REFUSAL_REASON_LABELS, refusal.reasonCode) ?? 'reason recorded'}`, details: present(text(refusal.explanation) && `Explanation: ${text(refusal.explanation)}`) };
    }
    case 'complaint.closed': {
      const closure = obj(after.closure) ?? {};
      return {
        summary: 'Closed',
        details: present(
          text(closure.categoryId) && `Category: ${lookup.categoryName(closure.categoryId as string) ?? 'a removed category'}`,
          text(closure.learning) && `Learning: ${text(closure.learning)}`,
        ),
      };
    }
    case 'complaint.related_issue_added':
      return { summary: 'Related issue added to this complaint (6.8)', details: present(text(obj(after.issue)?.description)) };
    case 'complaint.related_case_opened':
      return { summary: `New linked complaint opened: ${text(after.relatedCaseReference) ?? ''}`.trim(), details: present(text(after.description)) };
    case 'complaint.linked':
      return { summary: `Opened from complaint ${text(after.relatedToReference) ?? ''} (6.8)`.trim(), details: [] };
    // STOP / START on a channel of the resident's: staff must reach them another way meanwhile.
    case 'channel_identity.opted_out':
      return {
        summary: `The resident opted out of ${label(CHANNEL_LABELS, after.channel) ?? 'messages on one channel'}${after.channel ? ' messages' : ''} (sent STOP)`,
        details: ['Nothing sent on that channel reaches them: contact them another way.'],
      };
    case 'channel_identity.opted_in':
      return { summary: `The resident opted back in to ${label(CHANNEL_LABELS, after.channel) ?? 'messages on one channel'}${after.channel ? ' messages' : ''} (sent START)`, details: [] };
    default:
      return { summary: humaniseAction(event.action), details: [] };
  }
}
