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
