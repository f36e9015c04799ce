// 6.8: a new issue the resident raises about an open complaint. Browser-safe (the console imports it).
import { z } from 'zod';
import { ZInstantSchema, ZVersionSchema, requiredText } from './common.ts';
import { CHANNELS } from './complaints.ts';
import { ZComplaintDefinitionSchema } from './complaintDefinition.ts';

/**
 * Before the stage 1 response the issue joins the complaint (once acknowledged, with the definition
 * updated to cover it, 5.6); after it, or if it would unreasonably delay the response, it becomes a
 * new complaint linked to this one.
 */
export const ZRaiseRelatedIssueSchema = z.object({
  description: requiredText('The new issue'),
  raisedAt: ZInstantSchema.optional(),
  channel: z.enum(CHANNELS, { error: 'Choose how the new issue reached us' }).optional(),
  definition: ZComplaintDefinitionSchema.optional(),
  wouldUnreasonablyDelay: z.boolean({ error: 'wouldUnreasonablyDelay must be true or false' }).optional(),
  version: ZVersionSchema,
});

export type TRaiseRelatedIssue = z.infer<typeof ZRaiseRelatedIssueSchema>;
