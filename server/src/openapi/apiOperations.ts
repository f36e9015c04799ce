// The documented API: each operation names the zod schemas its route parses, so the OpenAPI
// document is generated from the same validation the server runs and the console imports.
import type { z } from 'zod';
import {
  ZAcknowledgeComplaintRequestSchema,
  ZAssignCaseRequestSchema,
  ZCalendarQuerySchema,
  ZCloseCaseSchema,
  ZClosureDayParamsSchema,
  ZClosureDaySchema,
  ZCompleteActionSchema,
  ZComplaintActionParamsSchema,
  ZComplaintIdParamsSchema,
  ZComplaintLetterParamsSchema,
  ZCreateComplaintSchema,
  ZDefineComplaintSchema,
  ZEscalateCaseSchema,
  ZExtendCaseSchema,
  ZListComplaintsQuerySchema,
  ZRaiseRelatedIssueSchema,
  ZRefuseCaseSchema,
  ZRespondCaseSchema,
  ZAcceptInvitationSchema,
  ZChangePasswordSchema,
  ZCompleteSetupSchema,
  ZInviteStaffSchema,
  ZLoginSchema,
  ZSetStaffRolesSchema,
  ZStaffIdParamsSchema,
  ZReportQuerySchema,
  ZHomesSettingSchema,
  ZRetentionSettingSchema,
  ZResidentIdParamsSchema,
  ZResidentLookupQuerySchema,
  ZErasureRequestSchema,
} from '../schemas/index.ts';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express style, relative to /api: '/complaints/:id'. */
  path: string;
  summary: string;
  tag: 'complaints' | 'calendar' | 'staff' | 'auth' | 'reports' | 'settings' | 'data-protection';
  /** Reachable without a staff session (sign-in, first set-up, accepting an invitation). */
  anonymous?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Roles allowed; absent means any signed-in staff member. */
  roles?: readonly string[];
  /** The success status and what it returns. */
  success: { status: number; description: string; html?: boolean; csv?: boolean };
  /** Code rules the engine can refuse with 422 (the message starts with the provision). */
  codeRules?: boolean;
}

const caseWorkers = ['handler', 'reviewer', 'complaints_officer', 'admin'] as const;
const reportRoles = ['complaints_officer', 'admin'] as const;
const complaint = { status: 200, description: 'The complaint as the console shows it (ComplaintDto)' };
const caseOp = (path: string, summary: string, body: z.ZodType, method: 'post' | 'put' = 'post'): ApiOperation => ({
  method, path, summary, tag: 'complaints', params: ZComplaintIdParamsSchema, body, roles: caseWorkers, success: complaint, codeRules: true,
});

export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/complaints', summary: 'List complaints, earliest deadline first', tag: 'complaints', query: ZListComplaintsQuerySchema, success: { status: 200, description: '{ items, page, pageSize, total }' } },
  { method: 'post', path: '/complaints', summary: 'Log a complaint (3.1, 6.2)', tag: 'complaints', body: ZCreateComplaintSchema, success: { ...complaint, status: 201 }, codeRules: true },
  { method: 'get', path: '/complaints/:id', summary: 'One complaint with its stages, deadlines, remedies and letters', tag: 'complaints', params: ZComplaintIdParamsSchema, success: complaint },
  { method: 'get', path: '/complaints/:id/letters/:letterId', summary: 'A letter as issued, for printing', tag: 'complaints', params: ZComplaintLetterParamsSchema, success: { status: 200, description: 'The letter HTML', html: true } },
  caseOp('/complaints/:id/definition', 'Edit the complaint definition (5.6, 5.7)', ZDefineComplaintSchema, 'put'),
  caseOp('/complaints/:id/acknowledge', 'Acknowledge, define and log (6.2, 6.11)', ZAcknowledgeComplaintRequestSchema),
  {
    ...caseOp('/complaints/:id/assign', 'Assign the current stage\u2019s handler (6.13); stage 1 to a handler, stage 2 to a reviewer', ZAssignCaseRequestSchema),
    roles: ['complaints_officer', 'admin'],
  },
  {
    ...caseOp('/complaints/:id/related-issues', 'Raise a related issue (6.8): joins the case before the stage 1 response, else opens a linked new case', ZRaiseRelatedIssueSchema),
    success: { status: 201, description: "{ outcome: 'added_to_case', complaint } or { outcome: 'new_case', complaint (the new case), relatedTo (the first case's reference) }" },
  },
  caseOp('/complaints/:id/extend', 'Extend the response timescale (6.4, 6.15)', ZExtendCaseSchema),
  caseOp('/complaints/:id/respond', 'Issue the stage 1 or final response (6.9, 6.19)', ZRespondCaseSchema),
  caseOp('/complaints/:id/escalate', 'Escalate to stage 2 (6.10-6.13)', ZEscalateCaseSchema),
  caseOp('/complaints/:id/refuse', 'Refuse the complaint (2.1-2.5)', ZRefuseCaseSchema),
  caseOp('/complaints/:id/close', 'Close with category and learning (9.1)', ZCloseCaseSchema),
  {
    ...caseOp('/complaints/:id/actions/:actionId/complete', 'Mark a remedy or outstanding action done (7.3); version is the item\u2019s', ZCompleteActionSchema),
    params: ZComplaintActionParamsSchema,
  },
  { method: 'get', path: '/calendar/add-working-days', summary: 'The date N working days after a date', tag: 'calendar', query: ZCalendarQuerySchema, success: { status: 200, description: '{ date: "YYYY-MM-DD" }' } },
  { method: 'get', path: '/calendar/closure-days', summary: 'The landlord\u2019s closure days', tag: 'calendar', success: { status: 200, description: '{ closureDays }' } },
  { method: 'post', path: '/calendar/closure-days', summary: 'Add a closure day', tag: 'calendar', body: ZClosureDaySchema, roles: ['admin'], success: { status: 201, description: 'The closure day' } },
  { method: 'post', path: '/auth/login', summary: 'Sign in; sets the session cookie (rate-limited)', tag: 'auth', body: ZLoginSchema, anonymous: true, success: { status: 200, description: '{ user }' } },
  { method: 'post', path: '/auth/setup', summary: 'Create the first administrator from the one-time setup link', tag: 'auth', body: ZCompleteSetupSchema, anonymous: true, success: { status: 201, description: '{ user }' } },
  { method: 'post', path: '/auth/invitations/accept', summary: 'Accept a staff invitation and sign in', tag: 'auth', body: ZAcceptInvitationSchema, anonymous: true, success: { status: 201, description: '{ user }' } },
  { method: 'post', path: '/auth/logout', summary: 'Sign out; the session stops working at once', tag: 'auth', anonymous: true, success: { status: 204, description: 'Signed out' } },
  { method: 'get', path: '/auth/me', summary: 'The signed-in member of staff', tag: 'auth', success: { status: 200, description: '{ user }' } },
  { method: 'get', path: '/staff', summary: 'Staff members and their roles', tag: 'staff', roles: ['admin', 'complaints_officer'], success: { status: 200, description: '{ staff }' } },
  { method: 'post', path: '/staff/invitations', summary: 'Invite a member of staff; returns a one-time link', tag: 'staff', body: ZInviteStaffSchema, roles: ['admin'], success: { status: 201, description: '{ invitation, link }' } },
  { method: 'put', path: '/staff/:id/roles', summary: 'Set a member of staff\u2019s roles (version checked)', tag: 'staff', params: ZStaffIdParamsSchema, body: ZSetStaffRolesSchema, roles: ['admin'], success: { status: 200, description: 'The staff member' } },
  { method: 'post', path: '/staff/:id/deactivate', summary: 'Deactivate; their sessions end at once', tag: 'staff', params: ZStaffIdParamsSchema, roles: ['admin'], success: { status: 200, description: 'The staff member' } },
  { method: 'post', path: '/staff/:id/reactivate', summary: 'Reactivate', tag: 'staff', params: ZStaffIdParamsSchema, roles: ['admin'], success: { status: 200, description: 'The staff member' } },
  { method: 'post', path: '/staff/me/password', summary: 'Change your password; other sessions end', tag: 'staff', body: ZChangePasswordSchema, success: { status: 200, description: '{ otherSessionsRevoked }' } },
  { method: 'get', path: '/reports/performance', summary: 'Complaint handling figures for a period: TSM CH01 and CH02, timeliness, extensions, outcomes, remedies, refusals, themes (8.1, 9.7)', tag: 'reports', query: ZReportQuerySchema, roles: reportRoles, success: { status: 200, description: 'The PerformanceReport' } },
  { method: 'get', path: '/reports/annual', summary: 'The annual complaints performance and service improvement report, printable (8.1)', tag: 'reports', query: ZReportQuerySchema, roles: reportRoles, success: { status: 200, description: 'The report HTML', html: true } },
  { method: 'get', path: '/reports/cases.csv', summary: 'The case list behind a period\u2019s figures (columns in the README)', tag: 'reports', query: ZReportQuerySchema, roles: reportRoles, success: { status: 200, description: 'RFC 4180 CSV, UTF-8', csv: true } },
  { method: 'get', path: '/settings', summary: 'Number of homes and retention period', tag: 'settings', roles: reportRoles, success: { status: 200, description: '{ homes, retentionMonths }, each { value, version, updatedAt }' } },
  { method: 'put', path: '/settings/homes', summary: 'Set the number of homes (CH01\u2019s denominator); version checked', tag: 'settings', body: ZHomesSettingSchema, roles: reportRoles, success: { status: 200, description: 'The settings' } },
  { method: 'put', path: '/settings/retention', summary: 'Set the retention period in months; version checked', tag: 'settings', body: ZRetentionSettingSchema, roles: ['admin'], success: { status: 200, description: 'The settings' } },
  { method: 'get', path: '/data-protection/residents', summary: 'Find a resident from a complaint reference', tag: 'data-protection', query: ZResidentLookupQuerySchema, roles: ['admin'], success: { status: 200, description: '{ residentId, name, anonymisedAt, complaints }' } },
  { method: 'get', path: '/data-protection/residents/:residentId/export', summary: 'Subject access: everything held about a resident (audited)', tag: 'data-protection', params: ZResidentIdParamsSchema, roles: ['admin'], success: { status: 200, description: 'JSON download' } },
  { method: 'post', path: '/data-protection/residents/:residentId/erase', summary: 'Erase a resident\u2019s personal data on request (audited; refused while a complaint is open)', tag: 'data-protection', params: ZResidentIdParamsSchema, body: ZErasureRequestSchema, roles: ['admin'], success: { status: 200, description: '{ residentId, anonymisedAt }' }, codeRules: true },
  { method: 'post', path: '/data-protection/retention-sweep', summary: 'Run one batch of the retention sweep now', tag: 'data-protection', roles: ['admin'], success: { status: 200, description: '{ anonymised, more }' } },
  { method: 'delete', path: '/calendar/closure-days/:date', summary: 'Remove a closure day', tag: 'calendar', params: ZClosureDayParamsSchema, roles: ['admin'], success: { status: 204, description: 'Removed' } },
];
