// Storing inbound messages: one conversation per number while it is open, whatever arrives at
// once; a closed conversation is never reopened; a redelivery stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@complaints/db/testing';
import { fictionalMobile } from '@complaints/db/factories';
import { acceptInboundMessage as accept, type AcceptOptions, type InboundInput } from './acceptInboundMessage.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.destroy());

let nextPhone = 700;
let nextSid = 0;
const sms = (address: string, body: string, at = new Date()): InboundInput => ({
  channel: 'sms',
  address,
  providerMessageId: `SMaccept${nextSid++}`,
  body,
  media: [],
  receivedAt: at,
});

// The same statement runs through the driver (the webhooks) or through Prisma (web chat).
describe.each([
  ['through the database driver', () => ({ driver: database })],
  ['through Prisma', () => ({})],
] as [string, () => AcceptOptions][])('acceptInboundMessage %s', (_name, options) => {
  const acceptInboundMessage = (prisma: typeof database.prisma, input: InboundInput) => accept(prisma, input, options());

  it('puts messages from one number that arrive at once into one conversation, each stored once', async () => {
    const phone = fictionalMobile(nextPhone++);
    const accepted = await Promise.all(Array.from({ length: 20 }, (_, i) => acceptInboundMessage(database.prisma, sms(phone, `message ${i}`))));
    expect(new Set(accepted.map((a) => a.conversationId)).size).toBe(1);
    expect(accepted.every((a) => !a.duplicate && a.stored)).toBe(true);
    const stored = await database.prisma.message.findMany({ where: { conversationId: accepted[0]!.conversationId }, orderBy: { seq: 'asc' } });
    expect(stored).toHaveLength(20);
    expect(await database.prisma.conversation.count({ where: { channelIdentity: { address: phone } } })).toBe(1);
  });

  it('appends to the open conversation, moving its last message time and the 24-hour window', async () => {
    const phone = fictionalMobile(nextPhone++);
    const first = await acceptInboundMessage(database.prisma, sms(phone, 'hello', new Date('2026-03-02T09:00:00Z')));
    const second = await acceptInboundMessage(database.prisma, sms(phone, 'still there?', new Date('2026-03-02T09:05:00Z')));
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.seq).toBeGreaterThan(first.seq);
    expect(second.stored).toMatchObject({ body: 'still there?', direction: 'inbound', author: 'resident', channel: 'sms', deliveryStatus: 'received', media: [] });
    const conversation = await database.prisma.conversation.findUniqueOrThrow({ where: { id: first.conversationId }, include: { channelIdentity: true } });
    expect(conversation.lastMessageAt).toEqual(new Date('2026-03-02T09:05:00Z'));
    expect(conversation.channelIdentity.lastInboundAt).toEqual(new Date('2026-03-02T09:05:00Z'));
  });

  it('starts a new conversation after the last one was closed', async () => {
    const phone = fictionalMobile(nextPhone++);
    const first = await acceptInboundMessage(database.prisma, sms(phone, 'hello'));
    await database.prisma.conversation.update({ where: { id: first.conversationId }, data: { state: 'closed' } });
    const next = await acceptInboundMessage(database.prisma, sms(phone, 'me again'));
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(await database.prisma.message.count({ where: { conversationId: first.conversationId } })).toBe(1);
  });

  it('treats a redelivered provider id as a duplicate and stores nothing more', async () => {
    const phone = fictionalMobile(nextPhone++);
    await acceptInboundMessage(database.prisma, sms(phone, 'hello'));
    const message = sms(phone, 'the boiler is broken');
    const first = await acceptInboundMessage(database.prisma, message);
    const again = await Promise.all([acceptInboundMessage(database.prisma, message), acceptInboundMessage(database.prisma, message)]);
    expect(again.map((a) => ({ duplicate: a.duplicate, messageId: a.messageId, stored: a.stored }))).toEqual([
      { duplicate: true, messageId: first.messageId, stored: undefined },
      { duplicate: true, messageId: first.messageId, stored: undefined },
    ]);
    expect(await database.prisma.message.count({ where: { providerMessageId: message.providerMessageId } })).toBe(1);
  });
});
