// Live chat on the web chat channel: claiming (one winner, everyone told), the bot's silence while
// staff hold the conversation, staff replies reaching the resident, the conversation view, and
// handing the conversation back to the bot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { signIn } from '../complaints/complaintsTestKit.ts';
import { CONVERSATION_MESSAGE_EVENT, ZConversationDetailSchema, type TConversationMessage } from '../schemas/index.ts';
import { closeSockets, conversationUpdates, eventsOf, recordStaffEvents, residentAwaitingStaff, waitFor } from './liveChatTestKit.ts';

let server: TestServer;
let events: ReturnType<typeof recordStaffEvents>;
beforeAll(async () => {
  server = await startTestServer();
  events = recordStaffEvents(server);
});
afterAll(async () => {
  closeSockets();
  await server?.stop();
});


describe('claiming a conversation', () => {
  it('the claimer holds it and everyone is told; a second claimer gets 409 naming the holder; claiming again is harmless', async () => {
    const { conversationId } = await residentAwaitingStaff(server);
    const first = await signIn(server, ['agent']);
    const second = await signIn(server, ['agent']);

    const claimed = await first.client.post(`/api/conversations/${conversationId}/claim`);
    expect(claimed.status).toBe(200);
    expect(claimed.json).toMatchObject({ id: conversationId, state: 'with_staff', queue: 'handoff', claimedBy: { id: first.staff.id, name: first.staff.name } });
    expect(conversationUpdates(events, conversationId).at(-1)).toEqual(claimed.json);

    const refused = await second.client.post(`/api/conversations/${conversationId}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.json.error).toEqual({ code: 'CONFLICT', message: `${first.staff.name} is already handling this conversation. Ask them, or a complaints officer, if it needs someone else.` });

    const told = conversationUpdates(events, conversationId).length;
    const again = await first.client.post(`/api/conversations/${conversationId}/claim`);
    expect(again.status).toBe(200);
    expect(again.json.version).toBe(claimed.json.version);
    expect(conversationUpdates(events, conversationId)).toHaveLength(told);

    const audit = await server.context.prisma.auditEvent.findMany({ where: { conversationId, action: 'conversation.claimed' } });
    expect(audit).toEqual([expect.objectContaining({ actorType: 'staff', actorStaffId: first.staff.id, after: { state: 'with_staff', claimedById: first.staff.id } })]);
  });

  it('when two agents claim at the same moment exactly one wins', async () => {
    const { conversationId } = await residentAwaitingStaff(server);
    const agents = await Promise.all([signIn(server, ['agent']), signIn(server, ['agent']), signIn(server, ['agent'])]);
    const answers = await Promise.all(agents.map((a) => a.client.post(`/api/conversations/${conversationId}/claim`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const winner = agents[answers.findIndex((a) => a.status === 200)]!;
    const row = await server.context.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(row.claimedById).toBe(winner.staff.id);
    expect(await server.context.prisma.auditEvent.count({ where: { conversationId, action: 'conversation.claimed' } })).toBe(1);
  });

  it('answers 404 for a conversation that does not exist and 400 for an id that is not one', async () => {
    const { client } = await signIn(server, ['agent']);
    expect((await client.post('/api/conversations/6f1c2a4e-0000-4000-8000-000000000000/claim')).status).toBe(404);
    const bad = await client.post('/api/conversations/not-an-id/claim');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('id: The conversation must be a valid id');
  });
});

describe('live chat', () => {
  it('the bot stays silent while staff hold it; the staff reply reaches the resident live, stored with author staff', async () => {
    const { resident, conversationId } = await residentAwaitingStaff(server);
    const agent = await signIn(server, ['agent']);
    expect((await agent.client.post(`/api/conversations/${conversationId}/claim`)).status).toBe(200);

    const seq = await resident.say('hello, is anyone there?');
    await server.channels.turnRunner.idle();
    const afterIt = await server.context.prisma.message.findMany({ where: { conversationId, seq: { gt: BigInt(seq) } } });
    expect(afterIt).toEqual([]);
    expect(resident.received.filter((m) => m.seq > seq)).toEqual([]);

    const reply = await agent.client.post(`/api/conversations/${conversationId}/messages`, { text: '  Hello, this is Sam from the housing team.  ' });
    expect(reply.status).toBe(201);
    expect(reply.json.messages).toEqual([
      expect.objectContaining({ conversationId, channel: 'webchat', direction: 'outbound', author: 'staff', staffUserId: agent.staff.id, body: 'Hello, this is Sam from the housing team.', deliveryStatus: 'sent' }),
    ]);
    const pushed = await waitFor(() => resident.received.find((m) => m.author === 'staff'));
    expect(pushed).toMatchObject({ text: 'Hello, this is Sam from the housing team.', seq: reply.json.messages[0].seq });
    const told = eventsOf<{ message: TConversationMessage }>(events, CONVERSATION_MESSAGE_EVENT).find((e) => e.message.id === reply.json.messages[0].id);
    expect(told?.message).toEqual(reply.json.messages[0]);
  });

  it('refuses a reply from someone not holding the conversation, and an empty one, with a message to act on', async () => {
    const { conversationId } = await residentAwaitingStaff(server);
    const holder = await signIn(server, ['agent']);
    const other = await signIn(server, ['agent']);
    const unclaimed = await holder.client.post(`/api/conversations/${conversationId}/messages`, { text: 'hello' });
    expect(unclaimed.status).toBe(409);
    expect(unclaimed.json.error.message).toBe('Claim this conversation before replying, so the bot stays silent and others can see you are answering.');
    await holder.client.post(`/api/conversations/${conversationId}/claim`);
    const notYours = await other.client.post(`/api/conversations/${conversationId}/messages`, { text: 'hello' });
    expect(notYours.status).toBe(409);
    expect(notYours.json.error.message).toContain(`${holder.staff.name} is already handling this conversation`);
    const empty = await holder.client.post(`/api/conversations/${conversationId}/messages`, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.json.error.message).toBe('text: Your reply cannot be empty');
    const tooLong = await holder.client.post(`/api/conversations/${conversationId}/messages`, { text: 'a'.repeat(2001) });
    expect(tooLong.json.error.message).toBe('text: Your reply must be at most 2000 characters');
    expect(await server.context.prisma.message.count({ where: { conversationId, author: 'staff' } })).toBe(0);
  });

  it('shows the web chat resident that the member of staff holding the conversation is typing; nobody else can', async () => {
    const { resident, conversationId } = await residentAwaitingStaff(server);
    const holder = await signIn(server, ['agent']);
    const other = await signIn(server, ['agent']);
    const typing: { typing: boolean; author: string }[] = [];
    resident.socket.on('typing', (event: { typing: boolean; author: string }) => typing.push(event));

    expect((await holder.client.post(`/api/conversations/${conversationId}/typing`, { typing: true })).status).toBe(409);
    await holder.client.post(`/api/conversations/${conversationId}/claim`);
    expect((await other.client.post(`/api/conversations/${conversationId}/typing`, { typing: true })).status).toBe(409);
    const bad = await holder.client.post(`/api/conversations/${conversationId}/typing`, { typing: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('typing: typing must be true or false');

    expect((await holder.client.post(`/api/conversations/${conversationId}/typing`, { typing: true })).status).toBe(204);
    expect(await waitFor(() => typing.find((event) => event.author === 'staff'))).toEqual({ typing: true, author: 'staff' });
    expect((await holder.client.post(`/api/conversations/${conversationId}/typing`, { typing: false })).status).toBe(204);
    await waitFor(() => typing.find((event) => event.author === 'staff' && !event.typing));
    expect(typing.filter((event) => event.author === 'staff')).toEqual([
      { typing: true, author: 'staff' },
      { typing: false, author: 'staff' },
    ]);
  });

  it('GET /api/conversations/:id: messages oldest first with their authors, staff names, and the complaint prefill', async () => {
    const { resident, conversationId } = await residentAwaitingStaff(server);
    const agent = await signIn(server, ['agent']);
    await agent.client.post(`/api/conversations/${conversationId}/claim`);
    await resident.say('Nobody came to fix the leak, it is the third time and I am fed up');
    await agent.client.post(`/api/conversations/${conversationId}/messages`, { text: 'I am sorry. I can log that as a complaint.' });

    // Any signed-in member of staff may read it: it is part of the case record (5.12).
    const { client: handler } = await signIn(server, ['handler']);
    const response = await handler.get(`/api/conversations/${conversationId}`);
    expect(response.status).toBe(200);
    const detail = ZConversationDetailSchema.strict().parse(response.json);
    expect(detail.messages.map((m) => [m.author, m.direction])).toEqual([
      ['resident', 'inbound'],
      ['bot', 'outbound'],
      ['bot', 'outbound'],
      ['resident', 'inbound'],
      ['staff', 'outbound'],
    ]);
    expect(detail.messages.map((m) => m.seq)).toEqual([...detail.messages.map((m) => m.seq)].sort((a, b) => a - b));
    expect(detail.staffNames).toEqual({ [agent.staff.id]: agent.staff.name });
    expect(detail.conversation).toMatchObject({ id: conversationId, claimedBy: { id: agent.staff.id } });
    expect(detail.resident).toBeNull();
    expect(detail.complaintDraft.summary).toBe('can I speak to a person\nNobody came to fix the leak, it is the third time and I am fed up');
    // The bot did not classify anything (staff held the conversation): the clock starts at the first message.
    expect(detail.complaintDraft.receivedAt).toBe(detail.messages[0]!.createdAt);
  });
});

describe('handing back to the bot', () => {
  it('the holder releases it: the queue entry goes, and the bot answers the next message afresh', async () => {
    const { resident, conversationId } = await residentAwaitingStaff(server);
    const agent = await signIn(server, ['agent']);
    await agent.client.post(`/api/conversations/${conversationId}/claim`);
    await resident.say('thanks, that is all');
    await server.channels.turnRunner.idle();

    const released = await agent.client.post(`/api/conversations/${conversationId}/release`);
    expect(released.status).toBe(200);
    expect(released.json).toMatchObject({ state: 'bot', queue: null, claimedBy: null, urgent: false, handoffReason: null, handoffRequestedAt: null });
    expect(conversationUpdates(events, conversationId).at(-1)).toEqual(released.json);
    expect(await server.context.prisma.auditEvent.count({ where: { conversationId, action: 'conversation.released', actorStaffId: agent.staff.id } })).toBe(1);

    const seq = await resident.say('hello');
    const back = await waitFor(() => resident.received.find((m) => m.seq > seq && m.author === 'bot'));
    expect(back.text).toMatch(/Hello again/);

    const again = await agent.client.post(`/api/conversations/${conversationId}/release`);
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('Nobody is handling this conversation, so there is nothing to release. Claim it first.');
  });

  it('another agent may not release it (403 naming the holder); a complaints officer may', async () => {
    const { conversationId } = await residentAwaitingStaff(server);
    const holder = await signIn(server, ['agent']);
    await holder.client.post(`/api/conversations/${conversationId}/claim`);
    const other = await signIn(server, ['agent']);
    const refused = await other.client.post(`/api/conversations/${conversationId}/release`);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe(`${holder.staff.name} is handling this conversation; only they or a complaints officer can hand it back to the bot.`);
    const officer = await signIn(server, ['complaints_officer']);
    const released = await officer.client.post(`/api/conversations/${conversationId}/release`);
    expect(released.status).toBe(200);
    expect(released.json.state).toBe('bot');
  });
});
