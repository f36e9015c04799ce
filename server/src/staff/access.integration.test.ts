// The access matrix: every staff route, called anonymously and by each role, answers 401, 403 or
// success exactly as the roles promise. The server enforces this; the console only hides things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '@complaints/db';
import { ApiClient, startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';
import { createStaff, signedIn } from './staffTestKit.ts';
import { createComplaint, createResident } from '@complaints/db/factories';

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
  /** The call cannot change the caller's own account, so one session per role serves every such row (sign-in is rate-limited). */
  sharedSession?: true;
}

const sessions = new Map<StaffRole, Promise<ApiClient>>();
function sharedSession(role: StaffRole): Promise<ApiClient> {
  let client = sessions.get(role);
  if (!client) sessions.set(role, (client = signedIn(server, [role]).then((signed) => signed.client)));
  return client;
}

let invited = 0;
const ROUTES: Route[] = [
  { name: 'GET /api/staff', allowed: ['admin', 'complaints_officer'], success: 200, call: (client) => client.get('/api/staff') },
  {
    name: 'POST /api/staff/invitations',
    allowed: ['admin'],
    success: 201,
    call: (client) => client.post('/api/staff/invitations', { name: 'New Person', email: `matrix${++invited}@example.org`, roles: ['agent'] }),
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
    (path): Route => ({ name: `GET ${path.split('?')[0]}`, allowed: ['complaints_officer', 'admin'], success: 200, sharedSession: true, call: (client) => client.get(path) }),
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
      sharedSession: true,
      call: async (client) => client.request('PUT', `/api/settings/${path}`, body((await server.context.prisma.setting.findUnique({ where: { key } }))?.version ?? 0)),
    }),
  ),
  {
    name: 'GET /api/data-protection/residents?reference=',
    allowed: ['admin'],
    success: 200,
    sharedSession: true,
    call: async (client) => {
      const complaint = await createComplaint(server.context.prisma, { residentId: (await createResident(server.context.prisma)).id });
      return client.get(`/api/data-protection/residents?reference=${complaint.reference}`);
    },
  },
  {
    name: 'GET /api/data-protection/residents/:residentId/export',
    allowed: ['admin'],
    success: 200,
    sharedSession: true,
    call: async (client) => client.get(`/api/data-protection/residents/${(await createResident(server.context.prisma)).id}/export`),
  },
  {
    name: 'POST /api/data-protection/residents/:residentId/erase',
    allowed: ['admin'],
    success: 200,
    sharedSession: true,
    call: async (client) => client.post(`/api/data-protection/residents/${(await createResident(server.context.prisma)).id}/erase`, { confirmation: 'ERASE', reason: 'Asked in writing' }),
  },
  { name: 'POST /api/data-protection/retention-sweep', allowed: ['admin'], success: 200, sharedSession: true, call: (client) => client.post('/api/data-protection/retention-sweep') },
  {
    name: 'POST /api/staff/me/password',
    allowed: 'everyone',
    success: 200,
    call: (client) => client.post('/api/staff/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a brand new password' }),
  },
];

describe('staff API access matrix', () => {
  for (const route of ROUTES) {
    it(`${route.name}: 401 anonymous, ${route.allowed === 'everyone' ? '' : '403 for the wrong role, '}${route.success} for ${route.allowed === 'everyone' ? 'every role' : route.allowed.join(' and ')}`, async () => {
      const outcomes: Record<string, number> = { anonymous: (await route.call(new ApiClient(server.url))).status };
      for (const role of ROLES) {
        // A fresh person per call: a password change or deactivation must not leak between cells.
        const client = route.sharedSession ? await sharedSession(role) : (await signedIn(server, [role])).client;
        outcomes[role] = (await route.call(client)).status;
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
