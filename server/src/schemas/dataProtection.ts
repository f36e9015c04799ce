// Subject access, erasure and the retention sweep (UK GDPR Articles 15 and 17). Browser-safe.
import { z } from 'zod';
import { requiredText } from './common.ts';

/** Erasure cannot be undone, so the request spells it out. */
export const ERASURE_CONFIRMATION = 'ERASE';

export const ZErasureRequestSchema = z.object({
  confirmation: z.literal(ERASURE_CONFIRMATION, { error: `Type ${ERASURE_CONFIRMATION} to confirm: erasure cannot be undone` }),
  reason: requiredText('The reason for the erasure (for the audit record)', 500),
});

export const ZResidentLookupQuerySchema = z.object({
  reference: z
    .string({ error: 'Enter a complaint reference, e.g. CMP-2026-000123' })
    .trim()
    .toUpperCase()
    .regex(/^CMP-\d{4}-\d{6}$/, { error: 'Enter a complaint reference, e.g. CMP-2026-000123' }),
});

export type TErasureRequest = z.infer<typeof ZErasureRequestSchema>;

export interface TRetentionSweepResult {
  anonymised: number;
  /** True when the batch cap was reached and more residents are due. */
  more: boolean;
}
