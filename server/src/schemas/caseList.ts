// The case list as the console reads it (GET /api/complaints). Browser-safe.
import { z } from 'zod';
import { COMPLAINT_STATUSES } from '../domain/lifecycle/vocabulary.ts';
import { STAGES } from '../domain/deadlines.ts';
import { DEADLINE_STATUSES } from '../domain/deadlines.ts';
import { CHANNELS } from './complaints.ts';
import { ZDeadlineSummarySchema } from './deadline.ts';

export const ZCaseListItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  version: z.number().int(),
  status: z.enum(COMPLAINT_STATUSES),
  stage: z.enum(STAGES),
  channel: z.enum(CHANNELS),
  receivedAt: z.string(),
  summary: z.string(),
  residentId: z.uuid(),
  residentName: z.string().nullable(),
  currentHandlerId: z.uuid().nullable(),
  handlerName: z.string().nullable(),
  categoryId: z.uuid().nullable(),
  categoryName: z.string().nullable(),
  deadline: ZDeadlineSummarySchema.nullable(),
});

export const ZCaseListSchema = z.object({
  items: z.array(ZCaseListItemSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  /** The London date the deadline statuses were worked out for. */
  today: z.string(),
});

export type TCaseListItem = z.infer<typeof ZCaseListItemSchema>;
export type TCaseList = z.infer<typeof ZCaseListSchema>;

// The values the case list's filters offer, for the console (from the engine's browser-safe vocabulary).
export { COMPLAINT_STATUSES, STAGES, DEADLINE_STATUSES };
