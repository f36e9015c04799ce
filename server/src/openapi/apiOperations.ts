// The documented API: each operation names the zod schemas its route parses, so the OpenAPI
// document is generated from the same validation the server runs and the console imports.
import type { z } from 'zod';
import {
  VIEWABLE_MEDIA_TYPES,
  ZMediaIdParamsSchema,
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
  ZInvitationIdParamsSchema,
  ZCategoryIdParamsSchema,
  ZCreateCategorySchema,
  ZListCategoriesQuerySchema,
  ZUpdateCategorySchema,
  ZConversationIdParamsSchema,
  ZConvertToComplaintSchema,
  ZConvertToServiceRequestSchema,
  ZCreateResidentSchema,
  ZCreateServiceRequestSchema,
  ZLinkConversationResidentSchema,
  ZResidentSearchQuerySchema,
  ZStaffReplySchema,
  ZStaffTypingSchema,
  ZAddCaseNoteSchema,
  ZAssigneesQuerySchema,
  ZTimelineQuerySchema,
  ZCreateAdjustmentSchema,
  ZCreateDisclosureSchema,
  ZCreateRepresentativeSchema,
  ZCreateRestrictionSchema,
  ZEndRecordSchema,
  ZRecordConsentSchema,
  ZResidentIdParamsSchema,
  ZResidentItemParamsSchema,
  ZReviewRecordSchema,
  ZUpdateAdjustmentSchema,
  ZUpdateRepresentativeSchema,
  ZUpdateResidentSchema,
  ZReportQuerySchema,
  ZHomesSettingSchema,
  ZRetentionSettingSchema,
  ZUpdateLetterTemplateSchema,
  ZLetterTemplatePreviewSchema,
  ZResidentLookupQuerySchema,
  ZErasureRequestSchema,
} from '../schemas/index.ts';
import { PREVIEWS } from '../complaints/previews.ts';

export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express style, relative to /api: '/complaints/:id'. */
  path: string;
  summary: string;
  tag: 'complaints' | 'calendar' | 'staff' | 'auth' | 'categories' | 'triage' | 'conversations' | 'residents' | 'service requests' | 'reports' | 'settings' | 'data-protection' | 'media';
  /** Reachable without a staff session (sign-in, first set-up, accepting an invitation). */
  anonymous?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Roles allowed; absent means any signed-in staff member. */
  roles?: readonly string[];
  /** Also needs the role that owns the case's stage: handler at stage 1, reviewer at stage 2 (complaints/stageOwnership.ts). */
  stageOwned?: boolean;
  /** The success status and what it returns. */
  success: { status: number; description: string; html?: boolean; csv?: boolean; /** A file of one of these types. */ files?: readonly string[] };
  /** Code rules the engine can refuse with 422 (the message starts with the provision). */
  codeRules?: boolean;
  /** 409 when someone else holds the thing (a claimed conversation): what the message says. */
  conflict?: string;
}

const caseWorkers = ['handler', 'reviewer', 'complaints_officer', 'admin'] as const;
const triageRoles = ['agent', 'complaints_officer', 'admin'] as const;
const conversation = { status: 200, description: 'The conversation as the queue shows it (ConversationSummary)' };
const chatOp = (path: string, summary: string, extra: Partial<ApiOperation> = {}): ApiOperation => ({
  method: 'post', path, summary, tag: 'conversations', params: ZConversationIdParamsSchema, roles: triageRoles, success: conversation, ...extra,
});
const reportRoles = ['complaints_officer', 'admin'] as const;
const complaint = { status: 200, description: 'The complaint as the console shows it (ComplaintDto)' };
const caseOp = (path: string, summary: string, body: z.ZodType, method: 'post' | 'put' = 'post'): ApiOperation => ({
  method, path, summary, tag: 'complaints', params: ZComplaintIdParamsSchema, body, roles: caseWorkers, stageOwned: true, success: complaint, codeRules: true,
});

export const API_OPERATIONS: readonly ApiOperation[] = [
  { method: 'get', path: '/complaints', summary: 'The case list: filter, search (reference, name, phone), sort and page; earliest deadline first by default', tag: 'complaints', query: ZListComplaintsQuerySchema, success: { status: 200, description: 'CaseList: { items, page, pageSize, total, today }' } },
  { method: 'post', path: '/complaints', summary: 'Log a complaint (3.1, 6.2)', tag: 'complaints', body: ZCreateComplaintSchema, success: { ...complaint, status: 201 }, codeRules: true },
  { method: 'get', path: '/complaints/:id', summary: 'One complaint with its stages, deadlines, remedies and letters', tag: 'complaints', params: ZComplaintIdParamsSchema, success: complaint },
  { method: 'get', path: '/complaints/:id/letters/:letterId', summary: 'A letter as issued, for printing', tag: 'complaints', params: ZComplaintLetterParamsSchema, success: { status: 200, description: 'The letter HTML', html: true } },
  caseOp('/complaints/:id/definition', 'Edit the complaint definition (5.6, 5.7)', ZDefineComplaintSchema, 'put'),
  caseOp('/complaints/:id/acknowledge', 'Acknowledge, define and log (6.2, 6.11)', ZAcknowledgeComplaintRequestSchema),
  {
    ...caseOp('/complaints/:id/assign', 'Assign the current stage\u2019s handler (6.13); stage 1 to a handler, stage 2 to a reviewer', ZAssignCaseRequestSchema),
    roles: ['complaints_officer', 'admin'],
    stageOwned: false,
  },
  {
    ...caseOp('/complaints/:id/related-issues', 'Raise a related issue (6.8): joins the case before the stage 1 response, else opens a linked new case', ZRaiseRelatedIssueSchema),
    success: { status: 201, description: "{ outcome: 'added_to_case', complaint } or { outcome: 'new_case', complaint (the new case), relatedTo (the first case's reference) }" },
  },
  caseOp('/complaints/:id/extend', 'Extend the response timescale (6.4, 6.15)', ZExtendCaseSchema),
  caseOp('/complaints/:id/respond', 'Issue the stage 1 or final response (6.9, 6.19)', ZRespondCaseSchema),
  // The hand-over between the stages: either stage's role may record the resident's request.
  { ...caseOp('/complaints/:id/escalate', 'Escalate to stage 2 (6.10-6.13)', ZEscalateCaseSchema), stageOwned: false },
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
  { method: 'get', path: '/staff/invitations', summary: 'Invitations not yet accepted, soonest to expire first', tag: 'staff', roles: ['admin'], success: { status: 200, description: '{ invitations }' } },
  { method: 'delete', path: '/staff/invitations/:id', summary: 'Withdraw an invitation: its link stops working at once (audited)', tag: 'staff', params: ZInvitationIdParamsSchema, roles: ['admin'], success: { status: 204, description: 'Withdrawn' } },
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
  { method: 'get', path: '/settings/letters', summary: 'The letter template (complaints team contact, signature, an opening paragraph per letter) and what blank fields fall back to', tag: 'settings', roles: ['admin'], success: { status: 200, description: '{ value, version, updatedAt, configured }' } },
  { method: 'put', path: '/settings/letters', summary: 'Save the letter template; version checked, audited. The Code\u2019s sections cannot be changed', tag: 'settings', body: ZUpdateLetterTemplateSchema, roles: ['admin'], success: { status: 200, description: 'The letter template settings' } },
  { method: 'post', path: '/settings/letters/preview', summary: 'A made-up letter of one kind rendered with a draft template, without saving', tag: 'settings', body: ZLetterTemplatePreviewSchema, roles: ['admin'], success: { status: 200, description: '{ kind, subject, html, text }' } },
  { method: 'get', path: '/data-protection/residents', summary: 'Find a resident from a complaint reference', tag: 'data-protection', query: ZResidentLookupQuerySchema, roles: ['admin'], success: { status: 200, description: '{ residentId, name, anonymisedAt, complaints }' } },
  { method: 'get', path: '/data-protection/residents/:id/export', summary: 'Subject access: everything held about a resident (audited)', tag: 'data-protection', params: ZResidentIdParamsSchema, roles: ['admin'], success: { status: 200, description: 'JSON download' } },
  { method: 'post', path: '/data-protection/residents/:id/erase', summary: 'Erase a resident\u2019s personal data on request (audited; refused while a complaint is open)', tag: 'data-protection', params: ZResidentIdParamsSchema, body: ZErasureRequestSchema, roles: ['admin'], success: { status: 200, description: '{ residentId, anonymisedAt }' }, codeRules: true },
  { method: 'post', path: '/data-protection/retention-sweep', summary: 'Run one batch of the retention sweep now', tag: 'data-protection', roles: ['admin'], success: { status: 200, description: '{ anonymised, more }' } },
  { method: 'delete', path: '/calendar/closure-days/:date', summary: 'Remove a closure day', tag: 'calendar', params: ZClosureDayParamsSchema, roles: ['admin'], success: { status: 204, description: 'Removed' } },
  { method: 'get', path: '/categories', summary: 'Complaint categories (active ones unless includeRetired=true)', tag: 'categories', query: ZListCategoriesQuerySchema, success: { status: 200, description: '{ categories }' } },
  { method: 'post', path: '/categories', summary: 'Add a complaint category', tag: 'categories', body: ZCreateCategorySchema, roles: ['complaints_officer', 'admin'], success: { status: 201, description: 'The category' } },
  { method: 'put', path: '/categories/:id', summary: 'Rename, describe, retire or restore a category (version checked)', tag: 'categories', params: ZCategoryIdParamsSchema, body: ZUpdateCategorySchema, roles: ['complaints_officer', 'admin'], success: { status: 200, description: 'The category' } },
  { method: 'get', path: '/triage', summary: 'The live triage queue: handoffs (urgent first), unanswered complaint offers (1.3), complaints awaiting acknowledgement with working days left (6.2)', tag: 'triage', roles: triageRoles, success: { status: 200, description: '{ conversations, awaitingAcknowledgement } (TriageQueue)' } },
  { method: 'get', path: '/conversations/:id', summary: 'A conversation with its messages, a resident summary and the prefill for logging it as a complaint', tag: 'conversations', params: ZConversationIdParamsSchema, success: { status: 200, description: '{ conversation, messages, staffNames, resident, complaintDraft } (ConversationDetail)' } },
  chatOp('/conversations/:id/claim', 'Claim the conversation: the bot stays silent while you hold it', { conflict: 'Someone else holds it (the message names them), or it has ended' }),
  chatOp('/conversations/:id/release', 'Hand the conversation back to the bot (the holder, or a complaints officer or admin)', { conflict: 'Nobody holds it' }),
  chatOp('/conversations/:id/messages', 'Reply live on the resident\u2019s own channel (opted-out residents: stored as suppressed, not sent)', {
    body: ZStaffReplySchema,
    success: { status: 201, description: '{ messages } as stored, with their delivery status' },
    conflict: 'You do not hold the conversation: claim it first',
  }),
  chatOp('/conversations/:id/typing', 'You are (or stopped) writing: a web chat resident sees \u201ctyping\u2026\u201d (other channels: no effect)', {
    body: ZStaffTypingSchema,
    success: { status: 204, description: 'Shown' },
    conflict: 'You do not hold the conversation: claim it first',
  }),
  chatOp('/conversations/:id/resident', 'Link the conversation to a resident (audited)', { body: ZLinkConversationResidentSchema }),
  chatOp('/conversations/:id/complaint', 'Log the conversation as a complaint (1.3): links the resident and closes the bot\u2019s open offer', {
    body: ZConvertToComplaintSchema,
    success: { status: 201, description: 'The complaint (ComplaintDto)' },
    codeRules: true,
  }),
  chatOp('/conversations/:id/service-request', 'Record the conversation as a service request (1.4)', {
    body: ZConvertToServiceRequestSchema,
    success: { status: 201, description: 'The service request (SR-YYYY-NNNNNN)' },
  }),
  { method: 'get', path: '/residents', summary: 'Find residents by name, postcode, phone number or tenancy reference', tag: 'residents', query: ZResidentSearchQuerySchema, success: { status: 200, description: '{ residents } (at most 20)' } },
  { method: 'post', path: '/residents', summary: 'Record a resident not yet on file (audited)', tag: 'residents', body: ZCreateResidentSchema, success: { status: 201, description: 'The resident (ResidentSummary)' }, conflict: 'The phone number is already on another resident\u2019s record' },
  { method: 'post', path: '/service-requests', summary: 'Record a service request from a call, letter, email, visit or conversation (1.4)', tag: 'service requests', body: ZCreateServiceRequestSchema, success: { status: 201, description: 'The service request (SR-YYYY-NNNNNN)' } },
  { method: 'get', path: '/complaints/:id/timeline', summary: 'The case timeline (5.12): messages on every channel, letters, notes and audit events as sentences; newest first, paged', tag: 'complaints', params: ZComplaintIdParamsSchema, query: ZTimelineQuerySchema, success: { status: 200, description: '{ items, nextCursor, conversationIds }' } },
  {
    method: 'get',
    path: '/media/:id',
    summary: 'An attachment a resident sent, fetched from Twilio and served only when it is a photo, video, audio or PDF (403 otherwise; 503 when Twilio is unreachable or not configured)',
    tag: 'media',
    params: ZMediaIdParamsSchema,
    success: { status: 200, description: 'The file, with Content-Disposition and X-Content-Type-Options: nosniff', files: VIEWABLE_MEDIA_TYPES },
  },
  { method: 'post', path: '/complaints/:id/notes', summary: 'Add a case note (audited, live)', tag: 'complaints', params: ZComplaintIdParamsSchema, body: ZAddCaseNoteSchema, roles: caseWorkers, success: { status: 201, description: 'The note as a timeline item' } },
  { method: 'get', path: '/complaints/:id/assignees', summary: 'Active staff who may handle the current stage, stage 2 on escalation (never the stage 1 handler, 6.13), or own a remedy', tag: 'complaints', params: ZComplaintIdParamsSchema, query: ZAssigneesQuerySchema, roles: caseWorkers, success: { status: 200, description: '{ assignees: [{ id, name, roles }] }' } },
  ...Object.entries(PREVIEWS).map(([name, preview]): ApiOperation => ({
    ...caseOp(`/complaints/:id/preview/${name}`, `Preview the letter ${name} would send, without saving (same body as POST /complaints/{id}/${name})`, preview.body),
    stageOwned: name !== 'escalate',
    success: { status: 200, description: '{ letter: { kind, stage, subject, html, text, largePrint, language } | null, outcome: { stage, status, deadline } }' },
  })),
  ...residentPanelOperations(),
];

/** The resident panel (residents/routes.ts); every edit answers the new panel and is version checked. */
function residentPanelOperations(): ApiOperation[] {
  const panel = { status: 200, description: 'The resident panel (ResidentPanel)' };
  const edit = (method: 'post' | 'put', path: string, summary: string, body: z.ZodType, extra: Partial<ApiOperation> = {}): ApiOperation => ({
    method, path, summary, tag: 'residents', params: path.includes(':itemId') ? ZResidentItemParamsSchema : ZResidentIdParamsSchema, body,
    success: method === 'post' && !path.includes(':itemId') ? { ...panel, status: 201 } : panel, codeRules: true, ...extra,
  });
  const restrictions = { roles: ['complaints_officer', 'admin'] } as const;
  return [
    { method: 'get', path: '/residents/:id', summary: 'The resident panel: identity, channels, representatives and consent, adjustments, disclosures, restrictions (with review flags), complaints and service requests', tag: 'residents', params: ZResidentIdParamsSchema, success: panel },
    edit('put', '/residents/:id', 'Update the resident\u2019s details', ZUpdateResidentSchema),
    edit('post', '/residents/:id/representatives', 'Add a representative (3.6), optionally with consent', ZCreateRepresentativeSchema),
    edit('put', '/residents/:id/representatives/:itemId', 'Update a representative\u2019s details', ZUpdateRepresentativeSchema),
    edit('post', '/residents/:id/representatives/:itemId/consent', 'Record consent (3.6): status, method, evidence, date', ZRecordConsentSchema),
    edit('post', '/residents/:id/adjustments', 'Add a reasonable adjustment (5.10); agreed ones need a review date', ZCreateAdjustmentSchema),
    edit('put', '/residents/:id/adjustments/:itemId', 'Agree, decline or change a reasonable adjustment (5.10)', ZUpdateAdjustmentSchema),
    edit('post', '/residents/:id/disclosures', 'Record a disclosed disability or vulnerability (5.10)', ZCreateDisclosureSchema),
    edit('post', '/residents/:id/restrictions', 'Add a contact restriction (5.14): reason, evidence and review date required', ZCreateRestrictionSchema, restrictions),
    ...(['adjustments', 'disclosures', 'restrictions'] as const).flatMap((kind) => [
      edit('post', `/residents/:id/${kind}/:itemId/review`, `Review (next review date) a ${kind.slice(0, -1)}`, ZReviewRecordSchema, kind === 'restrictions' ? restrictions : {}),
      edit('post', `/residents/:id/${kind}/:itemId/end`, `End a ${kind.slice(0, -1)}, with the reason`, ZEndRecordSchema, kind === 'restrictions' ? restrictions : {}),
    ]),
  ];
}
