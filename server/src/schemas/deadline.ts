// A Code deadline as the engine summarises it for staff (domain/deadlines.ts summariseDeadline):
// the console shows it, never recomputes it.
import { z } from 'zod';
import { DEADLINE_STATUSES } from '../domain/deadlines.ts';

export const ZDeadlineSummarySchema = z.object({
  dueOn: z.string(),
  status: z.enum(DEADLINE_STATUSES),
  /** Negative once overdue; 0 on the due day. */
  workingDaysLeft: z.number().int(),
});
export type TDeadlineSummary = z.infer<typeof ZDeadlineSummarySchema>;
