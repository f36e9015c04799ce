// Request bodies for the case operations. The domain (domain/lifecycle/) enforces the Code's rules
// again; these give the form-level messages early. Browser-safe (imported by the console).
import { z } from 'zod';
import { STAGES } from '../domain/deadlines.ts';
import { DECISIONS, REFUSAL_REASONS } from '../domain/lifecycle/vocabulary.ts';
import { ZCivilDateSchema, ZInstantSchema, ZVersionSchema, idSchema, optionalText, requiredText } from './common.ts';
import { ZComplaintDefinitionSchema } from './complaintDefinition.ts';
import { ZOutstandingActionSchema, ZRemedySchema } from './remedy.ts';

export const ZAcknowledgeCaseSchema = z.object({
  definition: ZComplaintDefinitionSchema,
  handlerId: idSchema('The handler').optional(),
  version: ZVersionSchema,
});

export const ZAssignHandlerSchema = z.object({
  handlerId: idSchema('The handler'),
  version: ZVersionSchema,
});

/** The assign request as the API takes it: the stage the caller means to staff (must be the current one). */
export const ZAssignCaseRequestSchema = ZAssignHandlerSchema.extend({
  stage: z.enum(STAGES, { error: 'stage must be stage_1 or stage_2' }),
});

/** 6.4 / 6.15; the good reason is needed past 10 (stage 1) or 20 (stage 2) working days. */
export const ZExtendCaseSchema = z
  .object({
    workingDays: z
      .number({ error: 'Extra working days must be a number' })
      .int({ error: 'Extra working days must be a whole number' })
      .min(1, { error: 'Extend by at least 1 working day' })
      .max(120, { error: 'Extend by at most 120 working days' })
      .optional(),
    newDueOn: ZCivilDateSchema.optional(),
    reason: requiredText('The reason for the extension'),
    goodReason: optionalText('The good reason for a longer extension'),
    updateIntervalDays: z
      .number({ error: 'The update interval must be a number of days' })
      .int({ error: 'The update interval must be a whole number of days' })
      .min(1, { error: 'The update interval must be at least 1 day' })
      .max(30, { error: 'Update the resident at least every 30 days' })
      .optional(),
    version: ZVersionSchema,
  })
  .refine((body) => (body.workingDays === undefined) !== (body.newDueOn === undefined), {
    error: 'Give either the number of extra working days or the new due date (one of them, not both)',
    path: ['workingDays'],
  });

/** 6.9 / 6.19: the decision, its reasons, remedies and outstanding actions. */
export const ZRespondCaseSchema = z.object({
  decision: z.enum(DECISIONS, { error: 'Choose a decision: upheld, partly upheld or not upheld' }),
  reasons: requiredText('The reasons for the decision', 50_000),
  remedies: z.array(ZRemedySchema).max(50).default([]),
  outstandingActions: z.array(ZOutstandingActionSchema).max(50).default([]),
  version: ZVersionSchema,
});

/** 6.10-6.12: the resident asks for stage 2; they need not give a reason. */
export const ZEscalateCaseSchema = z.object({
  handlerId: idSchema('The stage 2 handler'),
  requestedAt: ZInstantSchema.optional(),
  reason: optionalText('The reason given by the resident'),
  version: ZVersionSchema,
});

/** 2.1-2.5. */
export const ZRefuseCaseSchema = z
  .object({
    reasonCode: z.enum(REFUSAL_REASONS, { error: 'Choose the reason for not accepting the complaint' }),
    explanation: requiredText('The explanation for the resident'),
    discretionConsidered: z.boolean().optional(),
    version: ZVersionSchema,
  })
  .refine((body) => body.reasonCode !== 'over_12_months' || body.discretionConsidered === true, {
    error: 'Confirm that you considered using discretion to accept a complaint made after 12 months',
    path: ['discretionConsidered'],
  });

/** 9.1. */
export const ZCloseCaseSchema = z.object({
  categoryId: idSchema('The category'),
  learning: requiredText('The learning from this complaint'),
  version: ZVersionSchema,
});

/** 6.8: a new issue raised while the stage 1 complaint is open. */
export const ZAddRelatedIssueSchema = z.object({
  description: requiredText('The new issue'),
  related: z.boolean({ error: 'Say whether the new issue is related to this complaint' }),
  wouldUnreasonablyDelay: z.boolean().optional(),
  raisedAt: ZInstantSchema.optional(),
  definition: ZComplaintDefinitionSchema.optional(),
  version: ZVersionSchema,
});

/** Marks a remedy or outstanding action done; the version is the item's own. */
export const ZCompleteActionSchema = z.object({
  version: ZVersionSchema,
});

/** The console's calendar: working days from a date (query string values arrive as text). */
export const ZCalendarQuerySchema = z.object({
  from: ZCivilDateSchema,
  days: z.coerce
    .number({ error: 'days must be a number' })
    .int({ error: 'days must be a whole number' })
    .min(1, { error: 'days must be at least 1' })
    .max(200, { error: 'days must be at most 200' }),
});

export type TAcknowledgeCase = z.infer<typeof ZAcknowledgeCaseSchema>;
export type TAssignHandler = z.infer<typeof ZAssignHandlerSchema>;
export type TAssignCaseRequest = z.infer<typeof ZAssignCaseRequestSchema>;
export type TExtendCase = z.infer<typeof ZExtendCaseSchema>;
export type TRespondCase = z.infer<typeof ZRespondCaseSchema>;
export type TEscalateCase = z.infer<typeof ZEscalateCaseSchema>;
export type TRefuseCase = z.infer<typeof ZRefuseCaseSchema>;
export type TCloseCase = z.infer<typeof ZCloseCaseSchema>;
export type TAddRelatedIssue = z.infer<typeof ZAddRelatedIssueSchema>;
export type TCompleteAction = z.infer<typeof ZCompleteActionSchema>;
export type TCalendarQuery = z.infer<typeof ZCalendarQuerySchema>;
