// The access matrix: every API route, called anonymously and by each role, answers 401, 403 or
// success exactly as the roles promise. The server enforces this; the console only hides things.
// Every operation the API documents (openapi/apiOperations.ts) must have a row here, and the row
// must allow exactly the roles the documentation names: a new route without a row fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@complaints/db';
import { ApiClient, createSignedInStaff, startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';
import { createStaff, signedIn } from './staffTestKit.ts';
import { createCategory, createComplaint, createResident } from '@complaints/db/factories';
import { seededConversation } from '../conversations/liveChatTestKit.ts';
import { DEFINITION } from '../complaints/complaintsTestKit.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { civilDateInLondon } from '../domain/index.ts';
import { API_OPERATIONS, type ApiOperation } from '../openapi/apiOperations.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const ROLES: StaffRole[] = ['agent', 'handler', 'reviewer', 'complaints_officer', 'admin'];

interface Route {
  /** 'METHOD /api/path'; parameter names and a query string may differ from the documentation's. */
  name: string;
  /** 'anonymous': the route does not depend on a session at all (every caller gets `success`). */
  allowed: StaffRole[] | 'everyone' | 'anonymous';
  success: number;
  /** Makes the call; prepares whatever a valid request needs (a fresh target account). */
  call: (client: ApiClient) => Promise<{ status: number }>;
  /** The call changes the caller's own account (password): a new person for every cell. */
  freshPerson?: boolean;
  /** `success` is a refusal every caller gets alike (not the documented success), and why. */
  refusedToAll?: string;
}

// One signed-in person per role for the calls that leave the caller's account as it was: sign-in
// is rate-limited per address (50 in 15 minutes), and the matrix has far more cells than that.
const sessions = new Map<StaffRole, Promise<ApiClient>>();
function clientFor(role: StaffRole, fresh: boolean): Promise<ApiClient> {
  const signIn = () => signedIn(server, [role]).then(({ client }) => client);
  if (fresh) return signIn();
  if (!sessions.has(role)) sessions.set(role, signIn());
  return sessions.get(role)!;
}

let invited = 0;
const TRIAGE: StaffRole[] = ['agent', 'complaints_officer', 'admin'];
const anHourAgo = () => new Date(Date.now() - 3_600_000).toISOString();
/** A conversation waiting in the queue, on web chat (which needs no provider to reply on). */
const waiting = async () => (await seededConversation(server, { channel: 'webchat' })).conversation.id;
const ROUTES: Route[] = [
  { name: 'GET /api/staff', allowed: ['admin', 'complaints_officer'], success: 200, call: (client) => client.get('/api/staff') },
  {
    name: 'POST /api/staff/invitations',
    allowed: ['admin'],
    success: 201,
    call: (client) => client.post('/api/staff/invitations', { name: 'New Person', email: `matrix${++invited}@example.org`, roles: ['agent'] }),
  },
  { name: 'GET /api/staff/invitations', allowed: ['admin'], success: 200, call: (client) => client.get('/api/staff/invitations') },
  {
    name: 'DELETE /api/staff/invitations/:id',
    allowed: ['admin'],
    success: 204,
    call: async (client) => {
      const created = await server.context.prisma.staffInvitation.create({ data: { tokenHash: `matrix-${++invited}`, email: `withdraw${invited}@example.org`, roles: ['agent'], expiresAt: new Date(Date.now() + 86_400_000) } });
      return client.request('DELETE', `/api/staff/invitations/${created.id}`);
    },
  },
  {
    name: 'PUT /api/staff/:id/roles',
    allowed: ['admin'],
    success: 200,
    call: async (client) => {
      const target = await createStaff(server, ['agent']);
      return client.request('PUT', `/api/staff/${target.id}/roles`, { roles: ['handler'], version: target.version });
    },
  },
  {
    name: 'POST /api/staff/:id/deactivate',
    allowed: ['admin'],
    success: 200,
    call: async (client) => client.post(`/api/staff/${(await createStaff(server)).id}/deactivate`),
  },
  {
    name: 'POST /api/staff/:id/reactivate',
    allowed: ['admin'],
    success: 200,
    call: async (client) => client.post(`/api/staff/${(await createStaff(server, ['handler'], { active: false })).id}/reactivate`),
  },
  ...['/api/reports/performance?period=this_year', '/api/reports/annual?period=last_quarter', '/api/reports/cases.csv?period=this_quarter', '/api/settings'].map(
    (path): Route => ({ name: `GET ${path.split('?')[0]}`, allowed: ['complaints_officer', 'admin'], success: 200, call: (client) => client.get(path) }),
  ),
  ...(
    [
      ['homes', 'reports.homes', ['complaints_officer', 'admin'], (version: number) => ({ homes: 1200 + version, version })],
      ['retention', 'dataProtection.retentionMonths', ['admin'], (version: number) => ({ months: 72 + version, version })],
    ] as const
  ).map(
    ([path, key, allowed, body]): Route => ({
      name: `PUT /api/settings/${path}`,
      allowed: [...allowed],
      success: 200,
      call: async (client) => client.request('PUT', `/api/settings/${path}`, body((await server.context.prisma.setting.findUnique({ where: { key } }))?.version ?? 0)),
    }),
  ),
  { name: 'GET /api/settings/letters', allowed: ['admin'], success: 200, call: (client) => client.get('/api/settings/letters') },
  {
    name: 'PUT /api/settings/letters',
    allowed: ['admin'],
    success: 200,
    call: async (client) =>
      client.request('PUT', '/api/settings/letters', {
        template: { signatoryTitle: `Complaints Manager ${++invited}` },
        version: (await server.context.prisma.setting.findUnique({ where: { key: 'letters.template' } }))?.version ?? 0,
      }),
  },
  { name: 'POST /api/settings/letters/preview', allowed: ['admin'], success: 200, call: (client) => client.post('/api/settings/letters/preview', { template: {}, kind: 'refusal' }) },
  {
    name: 'GET /api/data-protection/residents?reference=',
    allowed: ['admin'],
    success: 200,
    call: async (client) => {
      const complaint = await createComplaint(server.context.prisma, { residentId: (await createResident(server.context.prisma)).id });
      return client.get(`/api/data-protection/residents?reference=${complaint.reference}`);
    },
  },
  {
    name: 'GET /api/data-protection/residents/:residentId/export',
    allowed: ['admin'],
    success: 200,
    call: async (client) => client.get(`/api/data-protection/residents/${(await createResident(server.context.prisma)).id}/export`),
  },
  {
    name: 'POST /api/data-protection/residents/:residentId/erase',
    allowed: ['admin'],
    success: 200,
    call: async (client) => client.post(`/api/data-protection/residents/${(await createResident(server.context.prisma)).id}/erase`, { confirmation: 'ERASE', reason: 'Asked in writing' }),
  },
  { name: 'POST /api/data-protection/retention-sweep', allowed: ['admin'], success: 200, call: (client) => client.post('/api/data-protection/retention-sweep') },
  {
    name: 'POST /api/staff/me/password',
    allowed: 'everyone',
    success: 200,
    call: (client) => client.post('/api/staff/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }),
    freshPerson: true,
  },
  { name: 'GET /api/triage', allowed: TRIAGE, success: 200, call: (client) => client.get('/api/triage') },
  { name: 'GET /api/conversations/:id', allowed: 'everyone', success: 200, call: async (client) => client.get(`/api/conversations/${await waiting()}`) },
  { name: 'POST /api/conversations/:id/claim', allowed: TRIAGE, success: 200, call: async (client) => client.post(`/api/conversations/${await waiting()}/claim`) },
  {
    name: 'POST /api/conversations/:id/release',
    allowed: TRIAGE,
    success: 200,
    call: async (client) => {
      const id = await waiting();
      await client.post(`/api/conversations/${id}/claim`);
      return client.post(`/api/conversations/${id}/release`);
    },
  },
  {
    name: 'POST /api/conversations/:id/messages',
    allowed: TRIAGE,
    success: 201,
    call: async (client) => {
      const id = await waiting();
      await client.post(`/api/conversations/${id}/claim`);
      return client.post(`/api/conversations/${id}/messages`, { text: 'Hello from the housing team.' });
    },
  },
  {
    name: 'POST /api/conversations/:id/typing',
    allowed: TRIAGE,
    success: 204,
    call: async (client) => {
      const id = await waiting();
      await client.post(`/api/conversations/${id}/claim`);
      return client.post(`/api/conversations/${id}/typing`, { typing: true });
    },
  },
  {
    name: 'POST /api/conversations/:id/resident',
    allowed: TRIAGE,
    success: 200,
    call: async (client) => client.post(`/api/conversations/${await waiting()}/resident`, { residentId: (await createResident(server.context.prisma)).id }),
  },
  {
    name: 'POST /api/conversations/:id/complaint',
    allowed: TRIAGE,
    success: 201,
    call: async (client) => {
      const { conversation, resident } = await seededConversation(server);
      return client.post(`/api/conversations/${conversation.id}/complaint`, { residentId: resident.id, summary: 'Nobody came.', receivedAt: anHourAgo() });
    },
  },
  {
    name: 'POST /api/conversations/:id/service-request',
    allowed: TRIAGE,
    success: 201,
    call: async (client) => {
      const { conversation, resident } = await seededConversation(server);
      return client.post(`/api/conversations/${conversation.id}/service-request`, { residentId: resident.id, description: 'Fix the tap.', receivedAt: anHourAgo() });
    },
  },
  { name: 'GET /api/residents', allowed: 'everyone', success: 200, call: (client) => client.get('/api/residents?q=Resident') },
  { name: 'POST /api/residents', allowed: 'everyone', success: 201, call: (client) => client.post('/api/residents', { fullName: 'Matrix Resident', postcode: 'ZZ1 1ZZ' }) },
  {
    name: 'POST /api/service-requests',
    allowed: 'everyone',
    success: 201,
    call: async (client) =>
      client.post('/api/service-requests', { residentId: (await createResident(server.context.prisma)).id, channel: 'phone', description: 'Fix the tap.', receivedAt: anHourAgo() }),
  },
];

// The case view's routes: reading is for everyone signed in; changing or previewing is for case workers.
let caseId: string | undefined;
async function aCase(): Promise<string> {
  if (!caseId) {
    // With its stage 1 handler, so a complaints officer's acknowledgement need not name one.
    const handlerId = (await createStaff(server, ['handler'])).id;
    caseId = (await createComplaint(server.context.prisma, { residentId: (await createResident(server.context.prisma)).id, handlerId })).id;
  }
  return caseId;
}
const caseWorkers: StaffRole[] = ['handler', 'reviewer', 'complaints_officer', 'admin'];
/** The case is at stage 1, which handlers own (stageOwnership.ts). */
const stage1Workers: StaffRole[] = ['handler', 'complaints_officer', 'admin'];
ROUTES.push(
  { name: 'GET /api/complaints/:id/timeline', allowed: 'everyone', success: 200, call: async (client) => client.get(`/api/complaints/${await aCase()}/timeline`) },
  { name: 'POST /api/complaints/:id/notes', allowed: caseWorkers, success: 201, call: async (client) => client.post(`/api/complaints/${await aCase()}/notes`, { body: 'A note' }) },
  { name: 'GET /api/complaints/:id/assignees', allowed: caseWorkers, success: 200, call: async (client) => client.get(`/api/complaints/${await aCase()}/assignees?for=owner`) },
  {
    name: 'POST /api/complaints/:id/preview/acknowledge',
    allowed: stage1Workers,
    success: 200,
    call: async (client) => client.post(`/api/complaints/${await aCase()}/preview/acknowledge`, { definition: DEFINITION, version: 1 }),
  },
  {
    name: 'POST /api/complaints/:id/preview/refuse',
    allowed: stage1Workers,
    success: 200,
    call: async (client) => client.post(`/api/complaints/${await aCase()}/preview/refuse`, { reasonCode: 'other', explanation: 'Not a complaint', version: 1 }),
  },
);

// The case lifecycle. Each call gets a case of its own in the state the operation needs, made
// through the API by a handler (as the console would), so one caller's success never leaves the
// next caller a case in another state. The cases are at stage 1, which handlers own: reviewers
// are refused (stageOwnership.ts; stage 2 is covered in complaints/stageOwnership.integration.test.ts).
interface CaseRef {
  id: string;
  version: number;
  outstandingActions: { id: string; version: number }[];
  letters: { id: string }[];
}
let people: Promise<{ handler: Awaited<ReturnType<typeof createSignedInStaff>>; reviewerId: string; categoryId: string }> | undefined;
function casePeople() {
  people ??= (async () => ({
    handler: await createSignedInStaff(server, ['handler']),
    reviewerId: (await createStaff(server, ['reviewer'])).id,
    categoryId: (await createCategory(server.context.prisma, { name: 'Matrix category' })).id,
  }))();
  return people;
}
const inDays = (days: number) => civilDateInLondon(new Date(Date.now() + days * 86_400_000));
async function caseAt(status: 'received' | 'acknowledged' | 'responded'): Promise<CaseRef> {
  const { handler } = await casePeople();
  const logged = await handler.client.post('/api/complaints', {
    residentId: (await createResident(server.context.prisma)).id,
    channel: 'phone',
    receivedAt: anHourAgo(),
    summary: 'Nobody came to fix the boiler, twice.',
  });
  if (logged.status !== 201) throw new Error(`log: ${logged.status} ${logged.text}`);
  if (status === 'received') return logged.json as CaseRef;
  const ack = await handler.client.post(`/api/complaints/${logged.json.id}/acknowledge`, { definition: DEFINITION, version: logged.json.version });
  if (ack.status !== 200) throw new Error(`acknowledge: ${ack.status} ${ack.text}`);
  if (status === 'acknowledged') return ack.json as CaseRef;
  const answer = await handler.client.post(`/api/complaints/${logged.json.id}/respond`, {
    decision: 'not_upheld',
    reasons: 'Both appointments were kept; the resident was out.',
    outstandingActions: [{ description: 'Check the boiler again', dueOn: inDays(30), ownerId: handler.staff.id }],
    version: ack.json.version,
  });
  if (answer.status !== 200) throw new Error(`respond: ${answer.status} ${answer.text}`);
  return answer.json as CaseRef;
}
const assigners: StaffRole[] = ['complaints_officer', 'admin'];
const extension = { workingDays: 5, reason: 'We are waiting for a survey.' };
const answer = { decision: 'not_upheld', reasons: 'Both appointments were kept.' };
const refusal = { reasonCode: 'legal_proceedings', explanation: 'A claim was filed at court.' };
/** The operation's body for a case, and the state it needs. */
const caseOperation = (method: 'POST' | 'PUT', path: string, status: 'received' | 'acknowledged' | 'responded', allowed: StaffRole[], body: (c: CaseRef) => Promise<object> | object, success = 200): Route => ({
  name: `${method} /api/complaints/:id${path}`,
  allowed,
  success,
  call: async (client) => {
    const c = await caseAt(status);
    return client.request(method, `/api/complaints/${c.id}${path}`, { ...(await body(c)), version: c.version });
  },
});
let letterCase: Promise<CaseRef> | undefined;
let closureDays = 0;
/** A weekday in 2031 not used before: closure days must be working days, and unique. */
function nextClosureDate(): string {
  const day = new Date(Date.UTC(2031, 0, 1));
  for (let found = 0; ; day.setUTCDate(day.getUTCDate() + 1)) {
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
    if (found++ === closureDays) break;
  }
  closureDays += 1;
  return day.toISOString().slice(0, 10);
}
/** A fresh invitation or setup link whose one-time token the test knows. */
async function invitationToken(email: string | null): Promise<string> {
  const { token } = newToken();
  await server.context.prisma.staffInvitation.create({ data: { tokenHash: hashToken(token), email, name: email ? 'Matrix Invitee' : null, roles: email ? ['agent'] : ['admin'], expiresAt: new Date(Date.now() + 86_400_000) } });
  return token;
}
/** A copy of the caller's session, for calls that answer with a new cookie (signing in as someone else). */
const sameSession = (client: ApiClient) => Object.assign(new ApiClient(server.url), { cookie: client.cookie });
ROUTES.push(
  {
    name: 'POST /api/complaints',
    allowed: 'everyone',
    success: 201,
    call: async (client) =>
      client.post('/api/complaints', { residentId: (await createResident(server.context.prisma)).id, channel: 'letter', receivedAt: anHourAgo(), summary: 'The lift is broken again.' }),
  },
  { name: 'GET /api/complaints/:id', allowed: 'everyone', success: 200, call: async (client) => client.get(`/api/complaints/${await aCase()}`) },
  {
    name: 'GET /api/complaints/:id/letters/:letterId',
    allowed: 'everyone',
    success: 200,
    call: async (client) => {
      const c = await (letterCase ??= caseAt('acknowledged'));
      return client.get(`/api/complaints/${c.id}/letters/${c.letters[0]?.id}`);
    },
  },
  caseOperation('PUT', '/definition', 'received', stage1Workers, () => ({ definition: DEFINITION })),
  caseOperation('POST', '/acknowledge', 'received', stage1Workers, async () => ({ definition: DEFINITION, handlerId: (await casePeople()).handler.staff.id })),
  caseOperation('POST', '/assign', 'received', assigners, async () => ({ stage: 'stage_1', handlerId: (await casePeople()).handler.staff.id })),
  caseOperation('POST', '/related-issues', 'acknowledged', stage1Workers, () => ({ description: 'The heating fails at night too.', definition: { ...DEFINITION, understanding: `${DEFINITION.understanding} The heating fails at night too.` } }), 201),
  caseOperation('POST', '/extend', 'acknowledged', stage1Workers, () => extension),
  caseOperation('POST', '/preview/extend', 'acknowledged', stage1Workers, () => extension),
  caseOperation('POST', '/respond', 'acknowledged', stage1Workers, () => answer),
  caseOperation('POST', '/preview/respond', 'acknowledged', stage1Workers, () => answer),
  // The hand-over between the stages: either stage's role records the resident's request.
  caseOperation('POST', '/escalate', 'responded', caseWorkers, async () => ({ handlerId: (await casePeople()).reviewerId })),
  caseOperation('POST', '/preview/escalate', 'responded', caseWorkers, async () => ({ handlerId: (await casePeople()).reviewerId })),
  caseOperation('POST', '/refuse', 'received', stage1Workers, () => refusal),
  caseOperation('POST', '/close', 'responded', stage1Workers, async () => ({ categoryId: (await casePeople()).categoryId, learning: 'Confirm appointments the day before.' })),
  {
    name: 'POST /api/complaints/:id/actions/:actionId/complete',
    allowed: stage1Workers,
    success: 200,
    call: async (client) => {
      const c = await caseAt('responded');
      const action = c.outstandingActions[0];
      return client.post(`/api/complaints/${c.id}/actions/${action?.id}/complete`, { version: action?.version });
    },
  },
  { name: 'GET /api/categories', allowed: 'everyone', success: 200, call: (client) => client.get('/api/categories?includeRetired=true') },
  { name: 'POST /api/categories', allowed: ['complaints_officer', 'admin'], success: 201, call: (client) => client.post('/api/categories', { name: `Matrix ${++invited}` }) },
  {
    name: 'PUT /api/categories/:id',
    allowed: ['complaints_officer', 'admin'],
    success: 200,
    call: async (client) => {
      const category = await createCategory(server.context.prisma, { name: `Matrix ${++invited}` });
      return client.request('PUT', `/api/categories/${category.id}`, { description: 'Renamed by the matrix', version: category.version });
    },
  },
  { name: 'GET /api/calendar/add-working-days', allowed: 'everyone', success: 200, call: (client) => client.get('/api/calendar/add-working-days?from=2026-04-01&days=5') },
  { name: 'GET /api/calendar/closure-days', allowed: 'everyone', success: 200, call: (client) => client.get('/api/calendar/closure-days') },
  {
    name: 'POST /api/calendar/closure-days',
    allowed: ['admin'],
    success: 201,
    call: (client) => client.post('/api/calendar/closure-days', { date: nextClosureDate(), description: 'Office move' }),
  },
  {
    name: 'DELETE /api/calendar/closure-days/:date',
    allowed: ['admin'],
    success: 204,
    call: async (client) => {
      const date = nextClosureDate();
      await server.context.prisma.closureDay.create({ data: { date: new Date(`${date}T00:00:00Z`), description: 'Staff training' } });
      return client.request('DELETE', `/api/calendar/closure-days/${date}`);
    },
  },
  { name: 'GET /api/auth/me', allowed: 'everyone', success: 200, call: (client) => client.get('/api/auth/me') },
  {
    name: 'POST /api/auth/login',
    allowed: 'anonymous',
    success: 200,
    call: async (client) => sameSession(client).post('/api/auth/login', { email: (await createStaff(server, ['agent'])).email, password: TEST_PASSWORD }),
  },
  { name: 'POST /api/auth/logout', allowed: 'anonymous', success: 204, call: (client) => client.post('/api/auth/logout'), freshPerson: true },
  {
    name: 'POST /api/auth/invitations/accept',
    allowed: 'anonymous',
    success: 201,
    call: async (client) =>
      sameSession(client).post('/api/auth/invitations/accept', { token: await invitationToken(`accept${++invited}@example.org`), name: 'Matrix Invitee', password: 'a long enough password' }),
  },
  {
    // An administrator exists here (the admin sessions), so a real setup link is refused to
    // every caller alike: the route never looks at a session (its success: setupAdministrator tests).
    name: 'POST /api/auth/setup',
    allowed: 'anonymous',
    success: 403,
    refusedToAll: 'an administrator already exists',
    call: async (client) =>
      sameSession(client).post('/api/auth/setup', { token: await invitationToken(null), name: 'Second Admin', email: `setup${++invited}@example.org`, password: 'a long enough password' }),
  },
);

/** The case list and the resident panel: everyone reads and keeps the panel current; restrictions (5.14) are for complaints officers and admins. */
function residentPanelRoutes(): Route[] {
  const everyone = 'everyone' as const;
  const deciders: StaffRole[] = ['complaints_officer', 'admin'];
  const prisma = () => server.context.prisma;
  const resident = () => createResident(prisma());
  const future = '2099-01-01';
  const record = {
    adjustments: async (residentId: string) => (await prisma().reasonableAdjustment.create({ data: { residentId, kind: 'large_print', details: '16pt', status: 'agreed', reviewOn: new Date('2026-01-01') } })).id,
    disclosures: async (residentId: string) => (await prisma().disclosure.create({ data: { residentId, kind: 'disability', description: 'Deaf' } })).id,
    restrictions: async (residentId: string) =>
      (await prisma().contactRestriction.create({ data: { residentId, scope: 'Letters only', reason: 'Abusive calls', evidence: 'Log 1', startsOn: new Date('2026-01-01'), reviewOn: new Date('2026-02-01') } })).id,
  };
  const lifecycle = (['adjustments', 'disclosures', 'restrictions'] as const).flatMap((kind): Route[] => [
    {
      name: `POST /api/residents/:id/${kind}/:itemId/review`,
      allowed: kind === 'restrictions' ? deciders : everyone,
      success: 200,
      call: async (client) => {
        const { id } = await resident();
        return client.post(`/api/residents/${id}/${kind}/${await record[kind](id)}/review`, { nextReviewOn: future, version: 1 });
      },
    },
    {
      name: `POST /api/residents/:id/${kind}/:itemId/end`,
      allowed: kind === 'restrictions' ? deciders : everyone,
      success: 200,
      call: async (client) => {
        const { id } = await resident();
        return client.post(`/api/residents/${id}/${kind}/${await record[kind](id)}/end`, { reason: 'No longer needed', version: 1 });
      },
    },
  ]);
  return [
    { name: 'GET /api/complaints', allowed: everyone, success: 200, call: (client) => client.get('/api/complaints?handlerId=me&deadline=overdue') },
    { name: 'GET /api/media/:id', allowed: everyone, success: 404, refusedToAll: 'this server has no Twilio to fetch from: an unknown attachment is 404 for every signed-in role, after the session check (streaming is tested in media.integration.test.ts)', call: (client) => client.get('/api/media/00000000-0000-4000-8000-000000000000') },
    { name: 'GET /api/residents/:id', allowed: everyone, success: 200, call: async (client) => client.get(`/api/residents/${(await resident()).id}`) },
    { name: 'PUT /api/residents/:id', allowed: everyone, success: 200, call: async (client) => client.request('PUT', `/api/residents/${(await resident()).id}`, { preferredName: 'Sam', version: 1 }) },
    {
      name: 'POST /api/residents/:id/representatives',
      allowed: everyone,
      success: 201,
      call: async (client) => client.post(`/api/residents/${(await resident()).id}/representatives`, { name: 'Pat Example', relationship: 'friend' }),
    },
    {
      name: 'PUT /api/residents/:id/representatives/:itemId',
      allowed: everyone,
      success: 200,
      call: async (client) => {
        const { id } = await resident();
        const rep = await prisma().representative.create({ data: { residentId: id, name: 'Pat Example', relationship: 'friend' } });
        return client.request('PUT', `/api/residents/${id}/representatives/${rep.id}`, { relationship: 'neighbour', version: 1 });
      },
    },
    {
      name: 'POST /api/residents/:id/representatives/:itemId/consent',
      allowed: everyone,
      success: 200,
      call: async (client) => {
        const { id } = await resident();
        const rep = await prisma().representative.create({ data: { residentId: id, name: 'Pat Example', relationship: 'friend' } });
        return client.post(`/api/residents/${id}/representatives/${rep.id}/consent`, { status: 'given', method: 'verbal', evidence: 'Call notes', givenOn: '2026-01-05', version: 1 });
      },
    },
    {
      name: 'POST /api/residents/:id/adjustments',
      allowed: everyone,
      success: 201,
      call: async (client) => client.post(`/api/residents/${(await resident()).id}/adjustments`, { kind: 'text_only', details: 'Texts please' }),
    },
    {
      name: 'PUT /api/residents/:id/adjustments/:itemId',
      allowed: everyone,
      success: 200,
      call: async (client) => {
        const { id } = await resident();
        return client.request('PUT', `/api/residents/${id}/adjustments/${await record.adjustments(id)}`, { reviewOn: future, version: 1 });
      },
    },
    {
      name: 'POST /api/residents/:id/disclosures',
      allowed: everyone,
      success: 201,
      call: async (client) => client.post(`/api/residents/${(await resident()).id}/disclosures`, { kind: 'disability', description: 'Uses a wheelchair' }),
    },
    {
      name: 'POST /api/residents/:id/restrictions',
      allowed: deciders,
      success: 201,
      call: async (client) =>
        client.post(`/api/residents/${(await resident()).id}/restrictions`, { scope: 'Letters only', reason: 'Abusive calls', evidence: 'Call log 3', reviewOn: future }),
    },
    ...lifecycle,
  ];
}
ROUTES.push(...residentPanelRoutes());

describe('staff API access matrix', () => {
  for (const route of ROUTES) {
    const who = route.allowed === 'anonymous' ? `${route.success} for everyone, signed in or not` : `401 anonymous, ${route.allowed === 'everyone' ? '' : '403 for the wrong role, '}${route.success} for ${route.allowed === 'everyone' ? 'every role' : route.allowed.join(' and ')}`;
    it(`${route.name}: ${who}`, async () => {
      const outcomes: Record<string, number> = { anonymous: (await route.call(new ApiClient(server.url))).status };
      for (const role of ROLES) {
        outcomes[role] = (await route.call(await clientFor(role, route.freshPerson === true))).status;
      }
      const expected: Record<string, number> = { anonymous: route.allowed === 'anonymous' ? route.success : 401 };
      for (const role of ROLES) expected[role] = route.allowed === 'everyone' || route.allowed === 'anonymous' || route.allowed.includes(role) ? route.success : 403;
      expect(outcomes).toEqual(expected);
    });
  }

  it('has a row for every documented operation, allowing exactly the documented roles', () => {
    const key = (name: string) => name.split('?')[0]!.replace(/:\w+/g, ':param');
    const rows = new Map(ROUTES.map((route) => [key(route.name), route]));
    expect(rows.size, 'two rows for one route').toBe(ROUTES.length);
    const documented = (op: ApiOperation): Route['allowed'] => {
      if (op.anonymous) return 'anonymous';
      if (!op.roles) return 'everyone';
      // The matrix's cases are at stage 1, which reviewers do not own.
      return op.roles.filter((role) => !(op.stageOwned && role === 'reviewer')) as StaffRole[];
    };
    const missing: string[] = [];
    for (const op of API_OPERATIONS) {
      const name = key(`${op.method.toUpperCase()} /api${op.path}`);
      const row = rows.get(name);
      if (!row) {
        missing.push(name);
        continue;
      }
      const allowed = row.allowed;
      expect(Array.isArray(allowed) ? [...allowed].sort() : allowed, name).toEqual(((a) => (Array.isArray(a) ? [...a].sort() : a))(documented(op)));
      if (!row.refusedToAll) expect(row.success, name).toBe(op.success.status);
    }
    expect(missing, 'documented operations without a row in the access matrix').toEqual([]);
    const documentedNames = new Set(API_OPERATIONS.map((op) => key(`${op.method.toUpperCase()} /api${op.path}`)));
    expect([...rows.keys()].filter((name) => !documentedNames.has(name)), 'rows for routes the API does not document').toEqual([]);
  });

  it('lets anyone, signed in or not, redeem an invitation, but only with a real token', async () => {
    const response = await new ApiClient(server.url).post('/api/auth/invitations/accept', {
      token: 'x'.repeat(43),
      name: 'Someone',
      password: 'long enough password',
    });
    expect(response.status).toBe(403);
    expect(response.json.error.message).toContain('expired or was already used');
  });

  it('returns plain DTOs: no password hashes, only what the screens need', async () => {
    const { client } = await signedIn(server, ['complaints_officer']);
    const list = await client.get('/api/staff');
    expect(list.status).toBe(200);
    for (const member of list.json.staff) {
      expect(Object.keys(member).sort()).toEqual(['active', 'email', 'id', 'lastLoginAt', 'name', 'roles', 'version']);
    }
    expect(list.text).not.toContain('argon2');
  });
});
