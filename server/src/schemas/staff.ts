// Staff accounts: invitations, roles, deactivation and passwords. Browser-safe: the console
// imports these for its forms and to read the API's answers.
import { z } from 'zod';
import { ZPasswordSchema, ZStaffRoleSchema, type TStaffRole } from './auth.ts';

/** What each role is for, in the words the console shows next to its checkbox. */
export const STAFF_ROLE_LABELS: Record<TStaffRole, string> = {
  agent: 'Agent (triage and live chat)',
  handler: 'Handler (owns stage 1 cases)',
  reviewer: 'Reviewer (owns stage 2 cases)',
  complaints_officer: 'Complaints officer (assigns, configures, reports)',
  admin: 'Admin (users, closure days, templates)',
};

export const STAFF_ROLES = ZStaffRoleSchema.options;

const roles = z
  .array(ZStaffRoleSchema, { error: 'Choose at least one role.' })
  .min(1, 'Choose at least one role.')
  // Sorted and de-duplicated so "the same roles" compare equal and audit rows read the same.
  .transform((list) => [...new Set(list)].sort());

const name = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(200, 'Use at most 200 characters.');

export const ZInviteStaffSchema = z.object({
  name,
  email: z
    .string({ error: 'Enter an email address.' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: 'Enter a valid email address.' })),
  roles,
});
export type TInviteStaff = z.infer<typeof ZInviteStaffSchema>;

export const ZAcceptInvitationSchema = z.object({
  token: z.string({ error: 'The invitation link is incomplete.' }).min(20, 'The invitation link is incomplete.').max(200),
  name,
  password: ZPasswordSchema,
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitationSchema>;

export const ZStaffIdParamsSchema = z.object({ id: z.uuid({ error: 'That is not a staff member id.' }) });

export const ZSetStaffRolesSchema = z.object({
  roles,
  version: z
    .number({ error: 'version is required (the version of the account you are changing)' })
    .int({ error: 'version must be a whole number' })
    .positive({ error: 'version must be 1 or more' }),
});
export type TSetStaffRoles = z.infer<typeof ZSetStaffRolesSchema>;

export const ZChangePasswordSchema = z.object({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
  newPassword: ZPasswordSchema,
});
export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;

/** One staff account as the admin screens show it. */
export const ZStaffMemberSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(ZStaffRoleSchema),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  version: z.number().int(),
});
export type TStaffMember = z.infer<typeof ZStaffMemberSchema>;

/** An invitation not yet accepted, withdrawn or expired. */
export const ZPendingInvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  /** Null for invitations made before names were kept. */
  name: z.string().nullable(),
  roles: z.array(ZStaffRoleSchema),
  invitedBy: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type TPendingInvitation = z.infer<typeof ZPendingInvitationSchema>;

export const ZInvitationIdParamsSchema = z.object({ id: z.uuid({ error: 'The invitation must be a valid id' }) });

/** The answer to an invitation: the one-time link is shown once and never stored. */
export const ZStaffInvitationResultSchema = z.object({
  invitation: z.object({ id: z.uuid(), email: z.string(), name: z.string(), roles: z.array(ZStaffRoleSchema), expiresAt: z.string() }),
  link: z.string(),
});
export type TStaffInvitationResult = z.infer<typeof ZStaffInvitationResultSchema>;
