// Crash recovery: a message stored before a crash (processedAt null) is processed when the
// runtime starts again — once, however many times it starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { createInboundMessage, fictionalMobile } from '@complaints/db/factories';
import { settle, startTwilioTestServer } from './testing/twilioTestKit.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

describe('resumePending at start-up', () => {
  it('processes unprocessed inbound messages exactly once, in order', async () => {
    const prisma = database.prisma;
    const identity = await prisma.channelIdentity.create({ data: { channel: 'sms', address: fictionalMobile(950), lastInboundAt: new Date() } });
    const conversation = await prisma.conversation.create({ data: { channel: 'sms', channelIdentityId: identity.id } });
    const first = await createInboundMessage(prisma, { conversationId: conversation.id, body: 'hello' });
    const second = await createInboundMessage(prisma, { conversationId: conversation.id, body: 'AGENT' });
    // Already handled before the crash: must not run again.
    await createInboundMessage(prisma, { conversationId: conversation.id, body: 'old', processedAt: new Date('2026-01-01T00:00:00Z') });

    const server = await startTwilioTestServer({ database });
    await settle(server);
    const processed = await prisma.message.findMany({ where: { id: { in: [first.id, second.id] } }, orderBy: { seq: 'asc' } });
    expect(processed.every((m) => m.processedAt !== null)).toBe(true);
    expect(processed[0]!.processedAt!.getTime()).toBeLessThanOrEqual(processed[1]!.processedAt!.getTime());
    const replies = await prisma.message.findMany({ where: { conversationId: conversation.id, direction: 'outbound' }, orderBy: { seq: 'asc' } });
    expect(replies[0]!.body).toMatch(/automated assistant/);
    expect((await prisma.conversation.findUniqueOrThrow({ where: { id: conversation.id } })).state).toBe('awaiting_staff');
    expect(server.twilio.requests).toHaveLength(replies.length);
    await server.stop();

    // A second start finds nothing to do.
    const again = await startTwilioTestServer({ database });
    await settle(again);
    expect(await prisma.message.count({ where: { conversationId: conversation.id, direction: 'outbound' } })).toBe(replies.length);
    expect(again.twilio.requests).toHaveLength(0);
    await again.stop();
  });
});
