// Complaint categories (9.1, 9.4: learning and trends are grouped by them; closing needs one).
import { z } from 'zod';
import { ZVersionSchema, idSchema, optionalText, requiredText } from './common.ts';

export const ZCreateCategorySchema = z.object({
  name: requiredText('The category name', 80),
  description: optionalText('The description', 500),
});

/** Categories are renamed or retired, never deleted: closed cases and reports still name them. */
export const ZUpdateCategorySchema = z.object({
  name: requiredText('The category name', 80).optional(),
  description: optionalText('The description', 500),
  active: z.boolean({ error: 'active must be true or false' }).optional(),
  version: ZVersionSchema,
});

export const ZCategoryIdParamsSchema = z.object({ id: idSchema('The category') });

export const ZListCategoriesQuerySchema = z.object({
  /** Retired categories too (for filters over old cases); the close form offers active ones only. */
  includeRetired: z
    .enum(['true', 'false'], { error: 'includeRetired must be true or false' })
    .optional()
    .transform((value) => value === 'true'),
});

export type TCreateCategory = z.infer<typeof ZCreateCategorySchema>;
export type TUpdateCategory = z.infer<typeof ZUpdateCategorySchema>;
