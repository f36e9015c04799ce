import { z } from 'zod';
import { requiredText } from './common.ts';

/** 5.6 and 5.7: the complaint definition set out on acknowledgement at either stage. */
export const ZComplaintDefinitionSchema = z.object({
  understanding: requiredText('Our understanding of the complaint'),
  outcomesSought: requiredText('The outcomes the resident is seeking'),
  inResponsibility: requiredText('What we are responsible for'),
  outOfResponsibility: requiredText('What we are not responsible for (write "none" if nothing)'),
});

export type TComplaintDefinition = z.infer<typeof ZComplaintDefinitionSchema>;
