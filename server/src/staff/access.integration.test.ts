// The access matrix: every staff route, called anonymously and by each role, answers 401, 403 or
// success exactly as the roles promise. The server enforces this; the console only hides things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@complaints/db';
import { ApiClient, startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';
import { createStaff, signedIn } from './staffTestKit.ts';
import { createComplaint, createResident } from '@complaints/db/factories';
import { seededConversation } from '../conversations/liveChatTestKit.ts';
import { DEFINITION } from '../complaints/complaintsTestKit.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const ROLES: StaffRole[] = ['agent', 'handler', 'reviewer', 'complaints_officer', 'admin'];

interface Route {
  name: string;
  allowed: StaffRole[] | 'everyone';
  success: number;
  /** Makes the call; prepares whatever a valid request needs (a fresh target account). */
  call: (client: ApiClient) => Promise<{ status: number }>;
  /** The call changes the caller's own account (password): a new person for every cell. */
  freshPerson?: boolean;
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
    it(`${route.name}: 401 anonymous, ${route.allowed === 'everyone' ? '' : '403 for the wrong role, '}${route.success} for ${route.allowed === 'everyone' ? 'every role' : route.allowed.join(' and ')}`, async () => {
      const outcomes: Record<string, number> = { anonymous: (await route.call(new ApiClient(server.url))).status };
      for (const role of ROLES) {
        outcomes[role] = (await route.call(await clientFor(role, route.freshPerson === true))).status;
      }
      const expected: Record<string, number> = { anonymous: 401 };
      for (const role of ROLES) expected[role] = route.allowed === 'everyone' || route.allowed.includes(role) ? route.success : 403;
      expect(outcomes).toEqual(expected);
    });
  }

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
