import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../auth/tokens.ts';
import { ApiClient, startTestServer, type TestServer } from '../testing/testServer.ts';
import { createStaff, signedIn, signInAs, tokenFromLink } from './staffTestKit.ts';

let clock = new Date('2026-03-02T10:00:00Z');
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(async () => {
  await server?.stop();
});

const PASSWORD = 'a good long passphrase';
let n = 0;
const freshEmail = () => `invitee${++n}@example.org`;

async function invite(roles = ['handler'], email = freshEmail()) {
  const { client } = await signedIn(server, ['admin']);
  const response = await client.post('/api/staff/invitations', { name: 'Priya Invitee', email, roles });
  expect(response.status).toBe(201);
  return { admin: client, email, response, token: tokenFromLink(response.json.link) };
}

const accept = (token: string, password = PASSWORD) =>
  new ApiClient(server.url).post('/api/auth/invitations/accept', { token, name: 'Priya Invitee', password });

describe('inviting staff', () => {
  it('invite → accept → signed in with the invited roles; the same password then signs in', async () => {
    const { response, email, token } = await invite(['reviewer', 'handler']);
    expect(response.json.link).toMatch(new RegExp(`^${server.url}/invite#token=[A-Za-z0-9_-]{43}$`));
    expect(response.json.invitation).toMatchObject({ email, name: 'Priya Invitee', roles: ['handler', 'reviewer'] });
    expect(response.json.invitation.expiresAt).toBe('2026-03-09T10:00:00.000Z');
    // Only the hash is stored.
    const stored = await server.context.prisma.staffInvitation.findUniqueOrThrow({ where: { id: response.json.invitation.id } });
    expect(stored.tokenHash).not.toBe(token);

    const invitee = new ApiClient(server.url);
    const accepted = await invitee.post('/api/auth/invitations/accept', { token, name: ' Priya Invitee ', password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.json.user).toMatchObject({ email, name: 'Priya Invitee', roles: ['handler', 'reviewer'] });
    expect((await invitee.get('/api/auth/me')).json.user.email).toBe(email);

    const { response: login } = await signInAs(server, email, PASSWORD);
    expect(login.status).toBe(200);
    const audit = await server.context.prisma.auditEvent.findMany({ where: { action: { in: ['staff.invited', 'staff.invitation_accepted'] }, OR: [{ entityId: stored.id }, { entityId: accepted.json.user.id }] } });
    expect(audit.map((event) => event.action).sort()).toEqual(['staff.invitation_accepted', 'staff.invited']);
  });

  it('refuses a used link, even when submitted twice at once', async () => {
    const { token } = await invite();
    const [first, second] = await Promise.all([accept(token), accept(token)]);
    expect([first.status, second.status].sort()).toEqual([201, 403]);
    const again = await accept(token);
    expect(again.status).toBe(403);
    expect(again.json.error.message).toBe('This invitation link has expired or was already used. Ask an administrator for a new one.');
  });

  it('refuses an expired link (7 days)', async () => {
    const { token } = await invite();
    const issued = clock;
    clock = new Date(issued.getTime() + 7 * 86_400_000);
    try {
      expect((await accept(token)).status).toBe(403);
    } finally {
      clock = issued;
    }
  });

  it('a newer invitation for the same person replaces the older link', async () => {
    const email = freshEmail();
    const first = await invite(['agent'], email);
    const second = await invite(['agent'], email);
    expect((await accept(first.token)).status).toBe(403);
    expect((await accept(second.token)).status).toBe(201);
  });

  it('lists pending invitations for administrators; a withdrawn one stops working at once, audited', async () => {
    const { admin, email, response, token } = await invite(['agent', 'handler']);
    const id = response.json.invitation.id as string;
    const listed = await admin.get('/api/staff/invitations');
    expect(listed.status).toBe(200);
    const mine = (listed.json.invitations as { id: string }[]).find((invitation) => invitation.id === id);
    expect(mine).toMatchObject({ email, name: 'Priya Invitee', roles: ['agent', 'handler'], expiresAt: '2026-03-09T10:00:00.000Z', invitedBy: expect.any(String) });
    // The first-run setup link is never listed as an invitation.
    expect((listed.json.invitations as { email: string | null }[]).every((invitation) => invitation.email)).toBe(true);

    expect((await admin.request('DELETE', `/api/staff/invitations/${id}`)).status).toBe(204);
    expect(((await admin.get('/api/staff/invitations')).json.invitations as { id: string }[]).some((invitation) => invitation.id === id)).toBe(false);
    expect((await accept(token)).status).toBe(403);
    const again = await admin.request('DELETE', `/api/staff/invitations/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.error.message).toBe('That invitation has already been accepted, withdrawn or has expired.');
    expect(await server.context.prisma.auditEvent.count({ where: { action: 'staff.invitation_withdrawn', entityId: id } })).toBe(1);
  });

  it('does not list accepted or expired invitations', async () => {
    const accepted = await invite();
    expect((await accept(accepted.token)).status).toBe(201);
    const expired = await invite();
    clock = new Date(clock.getTime() + 8 * 86_400_000);
    try {
      const ids = ((await (await signedIn(server, ['admin'])).client.get('/api/staff/invitations')).json.invitations as { id: string }[]).map((invitation) => invitation.id);
      expect(ids).not.toContain(accepted.response.json.invitation.id);
      expect(ids).not.toContain(expired.response.json.invitation.id);
    } finally {
      clock = new Date(clock.getTime() - 8 * 86_400_000);
    }
  });

  it('refuses to invite someone who already has an account, active or deactivated', async () => {
    const { client } = await signedIn(server, ['admin']);
    const active = await createStaff(server);
    const inactive = await createStaff(server, ['agent'], { active: false });
    const one = await client.post('/api/staff/invitations', { name: 'X', email: active.email.toUpperCase(), roles: ['agent'] });
    expect(one.status).toBe(400);
    expect(one.json.error.message).toBe(`${active.email} already has an account.`);
    const two = await client.post('/api/staff/invitations', { name: 'X', email: inactive.email, roles: ['agent'] });
    expect(two.status).toBe(400);
    expect(two.json.error.message).toContain('Reactivate it');
  });

  it('explains invalid invitations and short passwords', async () => {
    const { client } = await signedIn(server, ['admin']);
    const bad = await client.post('/api/staff/invitations', { name: '', email: 'nope', roles: [] });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('name: Enter a name.');
    expect(bad.json.error.message).toContain('email: Enter a valid email address.');
    expect(bad.json.error.message).toContain('roles: Choose at least one role.');
    const { token } = await invite();
    const short = await accept(token, 'too short');
    expect(short.status).toBe(400);
    expect(short.json.error.message).toBe('password: Use at least 12 characters.');
    // A refused attempt does not use up the link.
    expect((await accept(token)).status).toBe(201);
  });

  it('does not redeem the first-run administrator setup link as an invitation', async () => {
    const { token, tokenHash } = newToken();
    await server.context.prisma.staffInvitation.create({ data: { tokenHash, email: null, roles: ['admin'], createdAt: clock, expiresAt: new Date(clock.getTime() + 3_600_000) } });
    expect((await accept(token)).status).toBe(403);
  });
});
