import { z } from 'zod';
import { REMEDY_KINDS } from '../domain/lifecycle/vocabulary.ts';
import { ZCivilDateSchema, idSchema, requiredText } from './common.ts';

/** 7.1-7.3: what will happen, by when, and who owns it. */
export const ZRemedySchema = z
  .object({
    kind: z.enum(REMEDY_KINDS, { error: 'Choose the kind of remedy' }),
    description: requiredText('What will happen'),
    amountPence: z
      .number({ error: 'The amount must be a number of pence' })
      .int({ error: 'The amount must be a whole number of pence' })
      .positive({ error: 'The amount must be more than zero' })
      .optional()
      .nullable(),
    dueOn: ZCivilDateSchema,
    ownerId: idSchema('The owner'),
    done: z.boolean().optional(),
  })
  .refine((remedy) => remedy.kind !== 'financial' || remedy.amountPence != null, {
    error: 'A financial remedy must state the amount',
    path: ['amountPence'],
  });

/** 6.6 / 6.17: work still to do when the response is issued, tracked to completion. */
export const ZOutstandingActionSchema = z.object({
  description: requiredText('What will be done'),
  dueOn: ZCivilDateSchema,
  ownerId: idSchema('The owner'),
});

export type TRemedy = z.infer<typeof ZRemedySchema>;
export type TOutstandingAction = z.infer<typeof ZOutstandingActionSchema>;
