import { z } from 'zod';

export const ZStaffRoleSchema = z.enum(['agent', 'handler', 'reviewer', 'complaints_officer', 'admin']);
export type TStaffRole = z.infer<typeof ZStaffRoleSchema>;

const email = z
  .string({ error: 'Enter your email address.' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address.' }));

export const ZLoginSchema = z.object({
  email,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024),
});
export type TLogin = z.infer<typeof ZLoginSchema>;

export const ZPasswordSchema = z
  .string({ error: 'Choose a password.' })
  .min(12, 'Use at least 12 characters.')
  .max(1024, 'Use at most 1024 characters.');

export const ZCompleteSetupSchema = z.object({
  token: z.string({ error: 'The setup link is incomplete.' }).min(20, 'The setup link is incomplete.').max(200),
  name: z.string({ error: 'Enter your name.' }).trim().min(1, 'Enter your name.').max(200),
  email,
  password: ZPasswordSchema,
});
export type TCompleteSetup = z.infer<typeof ZCompleteSetupSchema>;

/** What the console knows about the signed-in staff member. */
export const ZStaffSessionUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  roles: z.array(ZStaffRoleSchema),
});
export type TStaffSessionUser = z.infer<typeof ZStaffSessionUserSchema>;
