// Roles own stages (stageOwnership.ts): handlers stage 1, reviewers stage 2, complaints officers
// and admins both. Each case below is refused for the role that does not own the stage, then the
// same request (same version, nothing changed) succeeds for the one that does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCategory } from '@complaints/db/factories';
import type { StaffRole } from '@complaints/db';
import { startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { DEFINITION, TEST_NOW, acknowledged, logComplaint, put, responded, signIn } from './complaintsTestKit.ts';

let server: TestServer;
let handler: Awaited<ReturnType<typeof signIn>>;
let reviewer: Awaited<ReturnType<typeof signIn>>;
let categoryId: string;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  handler = await signIn(server, ['handler']);
  reviewer = await signIn(server, ['reviewer']);
  categoryId = (await createCategory(server.context.prisma)).id;
});
afterAll(async () => {
  await server?.stop();
});

interface Case {
  id: string;
  version: number;
  stage: string;
  status: string;
  remedies: { id: string; version: number; doneAt: string | null }[];
  outstandingActions: { id: string; version: number; doneAt: string | null }[];
  permittedRoles: Record<string, StaffRole[]>;
}

async function view(id: string): Promise<Case> {
  return (await handler.client.get(`/api/complaints/${id}`)).json as Case;
}

/** Stage 1, handled by `handler`, at the status asked for. */
async function stage1(status: 'received' | 'acknowledged' | 'responded'): Promise<Case> {
  if (status === 'received') return (await logComplaint(server, handler.client)).complaint as Case;
  if (status === 'acknowledged') return (await acknowledged(server, handler.client)).complaint as Case;
  return (await responded(server, handler.client, handler.staff.id)).complaint as Case;
}

/** Stage 2, handled by `reviewer` (the stage 1 handler is `handler`), at the status asked for. */
async function stage2(status: 'received' | 'acknowledged' | 'responded'): Promise<Case> {
  const first = await stage1('responded');
  const escalated = await handler.client.post(`/api/complaints/${first.id}/escalate`, { handlerId: reviewer.staff.id, version: first.version });
  expect(escalated.status).toBe(200);
  let c = escalated.json as Case;
  if (status === 'received') return c;
  const ack = await reviewer.client.post(`/api/complaints/${c.id}/acknowledge`, { definition: DEFINITION, version: c.version });
  expect(ack.status).toBe(200);
  c = ack.json as Case;
  if (status === 'acknowledged') return c;
  const answer = await reviewer.client.post(`/api/complaints/${c.id}/respond`, { decision: 'not_upheld', reasons: 'The stage 1 decision stands.', version: c.version });
  expect(answer.status).toBe(200);
  return answer.json as Case;
}

type Send = (client: ApiClient, c: Case) => Promise<{ status: number; json: { error?: { message: string } } & Partial<Case> }>;

const OPERATIONS: Record<string, { status: 'received' | 'acknowledged' | 'responded'; send: Send; after?: Partial<Case> }> = {
  'edit the definition': { status: 'received', send: (client, c) => put(client, `/api/complaints/${c.id}/definition`, { definition: DEFINITION, version: c.version }) },
  acknowledge: { status: 'received', send: (client, c) => client.post(`/api/complaints/${c.id}/acknowledge`, { definition: DEFINITION, version: c.version }), after: { status: 'acknowledged' } },
  'preview the acknowledgement': { status: 'received', send: (client, c) => client.post(`/api/complaints/${c.id}/preview/acknowledge`, { definition: DEFINITION, version: c.version }) },
  extend: { status: 'acknowledged', send: (client, c) => client.post(`/api/complaints/${c.id}/extend`, { workingDays: 5, reason: 'We are waiting for a survey.', version: c.version }) },
  'preview the extension': { status: 'acknowledged', send: (client, c) => client.post(`/api/complaints/${c.id}/preview/extend`, { workingDays: 5, reason: 'We are waiting for a survey.', version: c.version }) },
  respond: {
    status: 'acknowledged',
    send: (client, c) => client.post(`/api/complaints/${c.id}/respond`, { decision: 'not_upheld', reasons: 'Both appointments were kept; the resident was out.', version: c.version }),
    after: { status: 'responded' },
  },
  refuse: {
    status: 'received',
    send: (client, c) => client.post(`/api/complaints/${c.id}/refuse`, { reasonCode: 'legal_proceedings', explanation: 'A claim was filed at court.', version: c.version }),
    after: { status: 'refused' },
  },
  close: { status: 'responded', send: (client, c) => client.post(`/api/complaints/${c.id}/close`, { categoryId, learning: 'Confirm appointments the day before.', version: c.version }), after: { status: 'closed' } },
};

describe('stage 1 belongs to handlers', () => {
  for (const [name, { status, send, after }] of Object.entries(OPERATIONS)) {
    it(`${name}: a reviewer is refused, a handler succeeds`, async () => {
      const c = await stage1(status);
      const refused = await send(reviewer.client, c);
      expect(refused.status).toBe(403);
      expect(refused.json.error?.message).toBe(
        'This complaint is at stage 1, which handlers own: it needs the handler, complaints officer or admin role. Ask a complaints officer to assign it to someone who holds it.',
      );
      expect((await view(c.id)).version).toBe(c.version);
      const done = await send(handler.client, c);
      expect(done.status, JSON.stringify(done.json)).toBe(200);
      if (after) expect(done.json).toMatchObject(after);
    });
  }

  it('complete an outstanding action and raise a related issue: a reviewer is refused, a handler succeeds', async () => {
    const c = await stage1('responded');
    const action = c.outstandingActions[0];
    if (!action) throw new Error('the stage 1 response left an outstanding action');
    const path = `/api/complaints/${c.id}/actions/${action.id}/complete`;
    expect((await reviewer.client.post(path, { version: action.version })).status).toBe(403);
    expect((await handler.client.post(path, { version: action.version })).status).toBe(200);

    const open = await stage1('acknowledged');
    const issue = {
      description: 'The heating also fails at night.',
      definition: { ...DEFINITION, understanding: `${DEFINITION.understanding} The heating also fails at night.` },
      version: open.version,
    };
    expect((await reviewer.client.post(`/api/complaints/${open.id}/related-issues`, issue)).status).toBe(403);
    const raised = await handler.client.post(`/api/complaints/${open.id}/related-issues`, issue);
    expect(raised.status, raised.text).toBe(201);
  });

  it('escalating is the hand-over: an agent is refused, a reviewer may record the request', async () => {
    const agent = await signIn(server, ['agent']);
    const c = await stage1('responded');
    const body = { handlerId: reviewer.staff.id, version: c.version };
    const refused = await agent.client.post(`/api/complaints/${c.id}/escalate`, body);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe('This needs one of these roles: handler, reviewer, complaints_officer, admin.');
    const done = await reviewer.client.post(`/api/complaints/${c.id}/escalate`, body);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ stage: 'stage_2', currentHandlerId: reviewer.staff.id });
  });

  it('a reviewer who acknowledges no longer becomes the stage 1 handler', async () => {
    const c = await stage1('received');
    const refused = await reviewer.client.post(`/api/complaints/${c.id}/acknowledge`, { definition: DEFINITION, handlerId: reviewer.staff.id, version: c.version });
    expect(refused.status).toBe(403);
    const now = await view(c.id);
    expect(now).toMatchObject({ status: 'received', version: c.version });
    expect((now as unknown as { currentHandlerId: string | null }).currentHandlerId).toBeNull();
  });
});

describe('stage 2 belongs to reviewers', () => {
  let otherHandler: Awaited<ReturnType<typeof signIn>>;
  beforeAll(async () => {
    // Not the stage 1 handler: refused for the role alone, not by 6.13.
    otherHandler = await signIn(server, ['handler']);
  });

  for (const [name, { status, send, after }] of Object.entries(OPERATIONS)) {
    it(`${name}: a handler is refused, a reviewer succeeds`, async () => {
      const c = await stage2(status);
      const refused = await send(otherHandler.client, c);
      expect(refused.status).toBe(403);
      expect(refused.json.error?.message).toBe(
        'This complaint is at stage 2, which reviewers own: it needs the reviewer, complaints officer or admin role. Ask a complaints officer to assign it to someone who holds it.',
      );
      expect((await view(c.id)).version).toBe(c.version);
      const done = await send(reviewer.client, c);
      expect(done.status, JSON.stringify(done.json)).toBe(200);
      if (after) expect(done.json).toMatchObject(after);
    });
  }

  it('completing a stage 1 remedy once the case is at stage 2 is the reviewer’s', async () => {
    const c = await stage2('received');
    const action = c.outstandingActions.find((a) => a.doneAt === null);
    if (!action) throw new Error('the stage 1 response left an outstanding action');
    const path = `/api/complaints/${c.id}/actions/${action.id}/complete`;
    expect((await otherHandler.client.post(path, { version: action.version })).status).toBe(403);
    expect((await reviewer.client.post(path, { version: action.version })).status).toBe(200);
  });

  it('6.13 still holds: the stage 1 handler, even holding the reviewer role, cannot acknowledge or decide stage 2', async () => {
    const both = await signIn(server, ['handler', 'reviewer']);
    const first = (await responded(server, both.client, both.staff.id)).complaint as Case;
    const escalated = await both.client.post(`/api/complaints/${first.id}/escalate`, { handlerId: reviewer.staff.id, version: first.version });
    expect(escalated.status).toBe(200);
    const ack = await both.client.post(`/api/complaints/${first.id}/acknowledge`, { definition: DEFINITION, version: escalated.json.version });
    expect(ack.status).toBe(422);
    expect(ack.json.error.message).toMatch(/^6\.13: /);
  });
});

describe('complaints officers and admins oversee both stages', () => {
  for (const role of ['complaints_officer', 'admin'] as const) {
    it(`${role}: acknowledges at stage 2 and closes, with no stage role`, async () => {
      const overseer = await signIn(server, [role]);
      const c = await stage2('received');
      const ack = await overseer.client.post(`/api/complaints/${c.id}/acknowledge`, { definition: DEFINITION, version: c.version });
      expect(ack.status).toBe(200);
      // The stage 2 handler stays the reviewer it was given to; the overseer did not take it.
      expect(ack.json.currentHandlerId).toBe(reviewer.staff.id);
    });
  }

  it('acknowledging an unassigned case names a handler who holds the role rather than taking it', async () => {
    const officer = await signIn(server, ['complaints_officer']);
    const c = await stage1('received');
    const body = { definition: DEFINITION, version: c.version };
    const unnamed = await officer.client.post(`/api/complaints/${c.id}/acknowledge`, body);
    expect(unnamed.status).toBe(400);
    expect(unnamed.json.error.message).toBe(
      'handlerId: Nobody handles this complaint yet and you do not hold the handler role, so choose its handler (or assign one first)',
    );
    const wrongRole = await officer.client.post(`/api/complaints/${c.id}/acknowledge`, { ...body, handlerId: reviewer.staff.id });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.json.error.message).toMatch(/^handlerId: The stage 1 handler must be an active member of staff with the handler role/);
    const named = await officer.client.post(`/api/complaints/${c.id}/acknowledge`, { ...body, handlerId: handler.staff.id });
    expect(named.status).toBe(200);
    expect(named.json.currentHandlerId).toBe(handler.staff.id);
  });

  it('a handler acknowledging an unassigned case becomes its handler, as before', async () => {
    const c = await stage1('received');
    const ack = await handler.client.post(`/api/complaints/${c.id}/acknowledge`, { definition: DEFINITION, version: c.version });
    expect(ack.status).toBe(200);
    expect(ack.json.currentHandlerId).toBe(handler.staff.id);
  });
});

describe('the case view says who may do what (permittedRoles)', () => {
  it('follows the stage: handlers at stage 1, reviewers at stage 2; assigning stays with officers', async () => {
    const one = await stage1('acknowledged');
    expect(one.permittedRoles.respond).toEqual(['handler', 'complaints_officer', 'admin']);
    expect(one.permittedRoles.assignHandler).toEqual(['complaints_officer', 'admin']);
    const two = await stage2('acknowledged');
    expect(two.permittedRoles.respond).toEqual(['reviewer', 'complaints_officer', 'admin']);
    expect(two.permittedRoles.define).toEqual(['reviewer', 'complaints_officer', 'admin']);
    expect(two.permittedRoles.addNote).toEqual(['handler', 'reviewer', 'complaints_officer', 'admin']);
  });
});
