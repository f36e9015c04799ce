// What the console's case view reads: the complaint as staff see it, its timeline (5.12), letter
// previews and the people who may be assigned. The server builds these objects typed by the
// schemas, and the console parses live events with them. Browser-safe (zod and plain constants).
import { z } from 'zod';
import { STAGES } from '../domain/deadlines.ts';
import { CASE_WORK, COMPLAINT_STATUSES, DECISIONS, OPERATION_NAMES, REFUSAL_REASONS, REMEDY_KINDS } from '../domain/lifecycle/vocabulary.ts';
import { ZStaffRoleSchema } from './auth.ts';
import { requiredText } from './common.ts';
import { CHANNELS } from './complaints.ts';
import { ZConversationMessageSchema } from './conversations.ts';
import { ZDeadlineSummarySchema } from './deadline.ts';

const id = z.string();
const instant = z.string();
const civilDate = z.string();
const stage = z.enum(STAGES);
const LETTER_KINDS = ['acknowledgement', 'extension_notice', 'stage_1_response', 'final_response', 'refusal', 'update'] as const;

export const ZCaseDeadlineSchema = ZDeadlineSummarySchema.extend({
  kind: z.enum(['acknowledgement', 'response']),
  stage,
});

export const ZDefinitionViewSchema = z.object({
  understanding: z.string(),
  outcomesSought: z.string(),
  inResponsibility: z.string(),
  outOfResponsibility: z.string(),
});

export const ZExtensionViewSchema = z.object({
  id,
  previousDueOn: civilDate,
  newDueOn: civilDate,
  workingDays: z.number().int(),
  reason: z.string(),
  goodReason: z.string().nullable(),
  updateIntervalDays: z.number().int().nullable(),
  createdById: id.nullable(),
  createdAt: instant,
});

/** 6.4 / 6.15 as the engine computes it for the stage (extend.ts extensionAllowance). */
export const ZExtensionAllowanceSchema = z.object({
  originalDueOn: civilDate,
  latestDueOnWithoutGoodReason: civilDate,
  workingDays: z.number().int(),
  provision: z.string(),
});

export const ZStageViewSchema = z.object({
  stage,
  handlerId: id.nullable(),
  startedAt: instant,
  escalationReason: z.string().nullable(),
  definition: ZDefinitionViewSchema.nullable(),
  acknowledgementDueOn: civilDate,
  acknowledgedAt: instant.nullable(),
  responseDueOn: civilDate.nullable(),
  responseDeadline: ZDeadlineSummarySchema.nullable(),
  respondedAt: instant.nullable(),
  decision: z.enum(DECISIONS).nullable(),
  reasons: z.string().nullable(),
  extensions: z.array(ZExtensionViewSchema),
  extensionAllowance: ZExtensionAllowanceSchema.nullable(),
});

export const ZLetterSummarySchema = z.object({
  id,
  kind: z.enum(LETTER_KINDS),
  stage,
  largePrint: z.boolean(),
  language: z.string(),
  createdAt: instant,
});

const ZCaseLinkSchema = z.object({ id, reference: z.string() });

/** The complaint as the console shows it; socket `complaint.*` events carry it as `complaint`. */
export const ZComplaintViewSchema = z.object({
  id,
  reference: z.string(),
  version: z.number().int(),
  status: z.enum(COMPLAINT_STATUSES),
  stage,
  channel: z.enum(CHANNELS),
  receivedAt: instant,
  summary: z.string(),
  residentId: id,
  representativeId: id.nullable(),
  conversationId: id.nullable(),
  currentHandlerId: id.nullable(),
  categoryId: id.nullable(),
  stages: z.array(ZStageViewSchema),
  deadline: ZCaseDeadlineSchema.nullable(),
  remedies: z.array(
    z.object({
      id,
      stage,
      kind: z.enum(REMEDY_KINDS),
      description: z.string(),
      amountPence: z.number().int().nullable(),
      dueOn: civilDate,
      ownerId: z.string(),
      doneAt: instant.nullable(),
      version: z.number().int(),
    }),
  ),
  outstandingActions: z.array(
    z.object({ id, stage, description: z.string(), dueOn: civilDate, ownerId: z.string(), doneAt: instant.nullable(), version: z.number().int() }),
  ),
  refusal: z.object({ id, reasonCode: z.enum(REFUSAL_REASONS), explanation: z.string(), decidedById: id, decidedAt: instant }).nullable(),
  closure: z.object({ closedAt: instant, closedById: id.nullable(), categoryId: id, learning: z.string() }).nullable(),
  letters: z.array(ZLetterSummarySchema),
  /** 2.3: when the resident says the problem started; flagged when over 12 months before receipt. */
  issueStartedOn: civilDate.nullable(),
  flaggedOverTwelveMonths: z.boolean(),
  /** 6.8: issues folded into this complaint before its stage 1 response. */
  relatedIssues: z.array(
    z.object({ id, description: z.string(), raisedAt: instant, channel: z.enum(CHANNELS).nullable(), recordedById: id.nullable(), createdAt: instant }),
  ),
  /** 6.8: the case this one was opened from, and the cases opened from this one. */
  relatedTo: ZCaseLinkSchema.nullable(),
  relatedCases: z.array(ZCaseLinkSchema),
  actionsOutstanding: z.boolean(),
  /** What the engine allows in the case's state (inputs are still checked by each operation). */
  availableOperations: z.array(z.enum(OPERATION_NAMES)),
  /**
   * Which roles may do each piece of work on the case at its current stage (handlers stage 1,
   * reviewers stage 2, complaints officers and admins both): the server refuses anyone else, and
   * the console hides it from them. The same for every viewer, so socket events can carry it.
   */
  permittedRoles: z.record(z.enum(CASE_WORK), z.array(ZStaffRoleSchema)),
  /** 5.6 / 5.7: the current stage's definition can still be edited (until the response restates it). */
  definitionEditable: z.boolean(),
  resident: z.object({ id, name: z.string().nullable() }),
  /** 3.6: someone acting for the resident, with the state of their consent. */
  representative: z
    .object({ id, name: z.string(), relationship: z.string(), organisation: z.string().nullable(), consentStatus: z.string() })
    .nullable(),
  /** Names of the staff the case mentions (handlers, owners, deciders), by id. */
  staffNames: z.record(z.string(), z.string()),
  /** The last change a member of staff made, from the audit log: who and when. */
  lastChange: z.object({ by: z.string(), at: instant }).nullable(),
});
export type TComplaintView = z.infer<typeof ZComplaintViewSchema>;

/** Every `complaint.*` event that carries the whole case. */
export const ZComplaintEventSchema = z.object({ complaint: ZComplaintViewSchema });

// ---------------------------------------------------------------------------
// Letter previews: the operation run on the case as it is, without saving.
// ---------------------------------------------------------------------------

export const ZRenderedLetterSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  stage,
  subject: z.string(),
  /** The printable letter: a whole HTML document, every value escaped by the letter layout. */
  html: z.string(),
  /** The short version sent by SMS or WhatsApp. */
  text: z.string(),
  largePrint: z.boolean(),
  language: z.string(),
});

export const ZCasePreviewSchema = z.object({
  /** Null when the operation sends no letter (escalation: the stage 2 acknowledgement follows, 6.11). */
  letter: ZRenderedLetterSchema.nullable(),
  /** The case as it would become. */
  outcome: z.object({ stage, status: z.enum(COMPLAINT_STATUSES), deadline: ZCaseDeadlineSchema.nullable() }),
});
export type TCasePreview = z.infer<typeof ZCasePreviewSchema>;

export const PREVIEW_OPERATIONS = ['acknowledge', 'extend', 'respond', 'escalate', 'refuse'] as const;
export type TPreviewOperation = (typeof PREVIEW_OPERATIONS)[number];

// ---------------------------------------------------------------------------
// Timeline (5.12): messages on every channel, letters, notes and audit events.
// ---------------------------------------------------------------------------

export const ZTimelineQuerySchema = z.object({
  /** The nextCursor of the previous page: items older than it. */
  before: z.string({ error: 'before must be the nextCursor of the previous page' }).max(200).optional(),
  limit: z.coerce
    .number({ error: 'limit must be a number' })
    .int({ error: 'limit must be a whole number' })
    .min(1, { error: 'limit must be at least 1' })
    .max(200, { error: 'limit must be at most 200' })
    .default(50),
});
export type TTimelineQuery = z.infer<typeof ZTimelineQuerySchema>;

const itemBase = { key: z.string(), at: instant };

export const ZTimelineItemSchema = z.discriminatedUnion('type', [
  z.object({ ...itemBase, type: z.literal('message'), message: ZConversationMessageSchema }),
  z.object({
    ...itemBase,
    type: z.literal('letter'),
    letter: ZLetterSummarySchema.extend({ createdBy: z.string().nullable(), url: z.string() }),
  }),
  z.object({ ...itemBase, type: z.literal('note'), note: z.object({ id, body: z.string(), author: z.string() }) }),
  z.object({
    ...itemBase,
    type: z.literal('event'),
    /** Human-readable: who did what (never the raw before/after JSON). */
    event: z.object({ action: z.string(), actor: z.string(), summary: z.string(), details: z.array(z.string()) }),
  }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItemSchema>;

export const ZTimelineSchema = z.object({
  /** Newest first. */
  items: z.array(ZTimelineItemSchema),
  /** Pass as `before` for older items; null when there are none. */
  nextCursor: z.string().nullable(),
  /** The conversations whose messages are shown (live `conversation.message` events for them belong here). */
  conversationIds: z.array(id),
});
export type TTimeline = z.infer<typeof ZTimelineSchema>;

export const ZAddCaseNoteSchema = z.object({
  body: requiredText('The note', 5_000),
});
export type TAddCaseNote = z.infer<typeof ZAddCaseNoteSchema>;

/** The `complaint.note_added` event. */
export const ZCaseNoteEventSchema = z.object({ complaintId: id, item: ZTimelineItemSchema });
export const CASE_NOTE_ADDED_EVENT = 'complaint.note_added';

// ---------------------------------------------------------------------------
// Who may be assigned
// ---------------------------------------------------------------------------

export const ASSIGNEE_PURPOSES = ['handler', 'escalation', 'owner'] as const;

export const ZAssigneesQuerySchema = z.object({
  /**
   * handler: who may handle the stage the case is at; escalation: who may handle stage 2 if it
   * is escalated now (6.13: never the stage 1 handler); owner: who may own a remedy or action.
   */
  for: z.enum(ASSIGNEE_PURPOSES, { error: `for must be one of ${ASSIGNEE_PURPOSES.join(', ')}` }),
});
export type TAssigneesQuery = z.infer<typeof ZAssigneesQuerySchema>;

export const ZAssigneeSchema = z.object({ id, name: z.string(), roles: z.array(ZStaffRoleSchema) });
export const ZAssigneesSchema = z.object({ assignees: z.array(ZAssigneeSchema) });
export type TAssignee = z.infer<typeof ZAssigneeSchema>;
