// Bodies and queries for logging, defining and listing complaints. Browser-safe (the console
// imports these), so only zod and the domain's plain constants.
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/lifecycle/vocabulary.ts';
import { STAGES } from '../domain/deadlines.ts';
import { DEADLINE_STATUSES } from '../domain/deadlines.ts';
import { ZCivilDateSchema, ZInstantSchema, ZVersionSchema, idSchema, requiredText } from './common.ts';
import { ZAcknowledgeCaseSchema } from './caseOperations.ts';
import { ZComplaintDefinitionSchema } from './complaintDefinition.ts';

/** The channels a complaint can arrive by (3.1: complaints can be made in many ways). */
export const CHANNELS = ['sms', 'whatsapp', 'webchat', 'botframework', 'phone', 'letter', 'email', 'in_person'] as const;

/** Staff logging a complaint by hand, or from a conversation the bot or an agent had. */
export const ZCreateComplaintSchema = z.object({
  residentId: idSchema('The resident'),
  channel: z.enum(CHANNELS, { error: 'Choose how the complaint reached us' }),
  receivedAt: ZInstantSchema,
  summary: requiredText("The resident's complaint, in their words", 20_000),
  conversationId: idSchema('The conversation').optional(),
  representativeId: idSchema('The representative').optional(),
  serviceRequestId: idSchema('The service request').optional(),
  handlerId: idSchema('The handler').optional(),
  /** 2.3: when the resident says the problem started; over 12 months before receipt is flagged, not refused. */
  issueStartedOn: ZCivilDateSchema.optional(),
});

/** 5.6 / 5.7: edit the definition of the stage the complaint is at. */
export const ZDefineComplaintSchema = z.object({
  definition: ZComplaintDefinitionSchema,
  version: ZVersionSchema,
});

export const ZComplaintIdParamsSchema = z.object({ id: idSchema('The complaint') });
export const ZComplaintActionParamsSchema = z.object({ id: idSchema('The complaint'), actionId: idSchema('The action') });
export const ZComplaintLetterParamsSchema = z.object({ id: idSchema('The complaint'), letterId: idSchema('The letter') });

/** An id, or one of a few words; every way of getting it wrong gets the same message. */
function oneOf<const Word extends string>(words: readonly Word[], error: string) {
  return z.union([z.enum(words as [Word, ...Word[]], { error }), z.uuid({ error })], { error });
}

/** The case list's sorts: by Code deadline (default), by receipt, by reference, by status (workflow order). */
export const CASE_LIST_SORTS = ['dueOn', 'receivedAt', 'reference', 'status'] as const;
export type TCaseListSort = (typeof CASE_LIST_SORTS)[number];

/** GET /api/complaints. Unknown parameters are refused rather than ignored: a misspelt filter would otherwise show every case. */
export const ZListComplaintsQuerySchema = z.strictObject(
  {
    status: z.enum(COMPLAINT_STATUSES, { error: `status must be one of ${COMPLAINT_STATUSES.join(', ')}` }).optional(),
    stage: z.enum(STAGES, { error: 'stage must be stage_1 or stage_2' }).optional(),
    /** A member of staff, "me" (whoever is signed in) or "unassigned". */
    handlerId: oneOf(['me', 'unassigned'], 'handlerId must be a staff id, "me" or "unassigned"').optional(),
    /** A category, or "none" for cases not yet categorised. */
    categoryId: oneOf(['none'], 'categoryId must be a category id or "none"').optional(),
    channel: z.enum(CHANNELS, { error: `channel must be one of ${CHANNELS.join(', ')}` }).optional(),
    /** The current Code deadline, as the engine's working-day calendar sees it today. */
    deadline: z.enum(DEADLINE_STATUSES, { error: `deadline must be one of ${DEADLINE_STATUSES.join(', ')}` }).optional(),
    /** A reference (or part of one), a resident's name (or part), or a phone number (whole, any UK format, or its last digits). */
    q: z
      .string({ error: 'q must be text' })
      .trim()
      .min(2, { error: 'Search for at least 2 characters' })
      .max(100, { error: 'Search for at most 100 characters' })
      .optional(),
    sort: z.enum(CASE_LIST_SORTS, { error: `sort must be one of ${CASE_LIST_SORTS.join(', ')}` }).default('dueOn'),
    order: z.enum(['asc', 'desc'], { error: 'order must be asc or desc' }).default('asc'),
    page: z.coerce.number({ error: 'page must be a number' }).int({ error: 'page must be a whole number' }).min(1, { error: 'page must be at least 1' }).default(1),
    pageSize: z.coerce
      .number({ error: 'pageSize must be a number' })
      .int({ error: 'pageSize must be a whole number' })
      .min(1, { error: 'pageSize must be at least 1' })
      .max(100, { error: 'pageSize must be at most 100' })
      .default(25),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown parameter ${issue.keys.join(', ')}: use status, stage, handlerId, categoryId, channel, deadline, q, sort, order, page or pageSize`
        : undefined,
  },
);

/** A day the landlord is closed: not a working day for any Code timescale. */
export const ZClosureDaySchema = z.object({
  date: ZCivilDateSchema,
  description: requiredText('What the closure is for', 200),
});

export const ZClosureDayParamsSchema = z.object({ date: ZCivilDateSchema });

export type TCreateComplaint = z.infer<typeof ZCreateComplaintSchema>;
export type TDefineComplaint = z.infer<typeof ZDefineComplaintSchema>;
export type TListComplaintsQuery = z.infer<typeof ZListComplaintsQuerySchema>;
export type TClosureDay = z.infer<typeof ZClosureDaySchema>;

/**
 * The acknowledge request as the API takes it: the definition may be left out when it was saved
 * beforehand with PUT /definition; the engine then refuses (5.6, 5.7) if none was.
 */
export const ZAcknowledgeComplaintRequestSchema = ZAcknowledgeCaseSchema.extend({
  definition: ZComplaintDefinitionSchema.optional(),
});
export type TAcknowledgeComplaintRequest = z.infer<typeof ZAcknowledgeComplaintRequestSchema>;
