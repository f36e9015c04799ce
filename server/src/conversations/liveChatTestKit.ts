// Shared set-up for the triage and live chat tests: residents on the real web chat socket (so the
// real bot answers them), conversations seeded straight into a queue, and a record of every staff
// event the server publishes.
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type { Channel, ConversationState } from '@complaints/db';
import { createConversation, createResident } from '@complaints/db/factories';
import type { StaffEvent } from '../realtime/broadcaster.ts';
import type { RunningServer } from '../createServer.ts';
import type { WebChatMessage } from '../channels/webchat/chatNamespace.ts';
import { CONVERSATION_UPDATED_EVENT, type TConversationSummary } from '../schemas/index.ts';
import { waitFor } from '../channels/testing/twilioTestKit.ts';

export { waitFor };

const sockets: Socket[] = [];

export function closeSockets(): void {
  for (const socket of sockets.splice(0)) socket.close();
}

export interface WebChatResident {
  socket: Socket;
  received: WebChatMessage[];
  say(text: string): Promise<number>;
  /** The conversation their messages went to (after the first message). */
  conversationId(): Promise<string>;
}

/** A resident in the web chat, as the /chat page connects. */
export async function connectResident(server: RunningServer): Promise<WebChatResident> {
  const socket = io(`${server.url}/chat`, { path: '/socket.io', transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  const received: WebChatMessage[] = [];
  socket.on('message', (message: WebChatMessage) => received.push(message));
  await new Promise((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  let lastSeq = 0;
  return {
    socket,
    received,
    async say(text) {
      const ack = (await socket.timeout(5000).emitWithAck('message', { clientId: randomUUID(), text })) as { ok: boolean; seq?: number; error?: string };
      if (!ack.ok || ack.seq === undefined) throw new Error(`web chat refused the message: ${ack.error}`);
      lastSeq = ack.seq;
      return ack.seq;
    },
    async conversationId() {
      const message = await server.context.prisma.message.findFirstOrThrow({ where: { seq: BigInt(lastSeq) } });
      return message.conversationId;
    },
  };
}

/** A resident who asks the bot for a person: their conversation waits in the triage queue. */
export async function residentAwaitingStaff(server: RunningServer, text = 'can I speak to a person') {
  const resident = await connectResident(server);
  await resident.say(text);
  const conversationId = await resident.conversationId();
  await waitFor(async () => (await server.context.prisma.conversation.findUnique({ where: { id: conversationId } }))?.state === 'awaiting_staff');
  await server.channels.turnRunner.idle();
  return { resident, conversationId };
}

/** Every staff event from now on (the broadcaster still publishes them to sockets). */
export function recordStaffEvents(server: RunningServer): StaffEvent[] {
  const events: StaffEvent[] = [];
  const broadcaster = server.context.broadcaster;
  const original = broadcaster.toStaff.bind(broadcaster);
  broadcaster.toStaff = (event) => {
    events.push(event);
    original(event);
  };
  return events;
}

export function eventsOf<T = Record<string, unknown>>(events: StaffEvent[], type: string): T[] {
  return events.filter((e) => e.type === type).map((e) => e.payload as T);
}

/** What staff were told of one conversation, oldest first (`conversation.updated` payloads). */
export function conversationUpdates(events: StaffEvent[], conversationId: string): TConversationSummary[] {
  return eventsOf<{ conversation: TConversationSummary }>(events, CONVERSATION_UPDATED_EVENT)
    .map((e) => e.conversation)
    .filter((c) => c.id === conversationId);
}

/** A conversation put straight into a queue state (no bot involved), with a linked resident. */
export async function seededConversation(
  server: RunningServer,
  overrides: { state?: ConversationState; urgent?: boolean; handoffRequestedAt?: Date; complaintOfferedAt?: Date; channel?: Channel; fullName?: string } = {},
) {
  const resident = await createResident(server.context.prisma, { ...(overrides.fullName ? { fullName: overrides.fullName } : {}), channel: overrides.channel ?? 'sms' });
  const conversation = await createConversation(server.context.prisma, resident.id, overrides.channel ?? 'sms');
  const updated = await server.context.prisma.conversation.update({
    where: { id: conversation.id },
    data: {
      state: overrides.state ?? 'awaiting_staff',
      urgent: overrides.urgent ?? false,
      handoffReason: overrides.state === 'bot' ? null : 'resident asked for a person',
      handoffRequestedAt: overrides.handoffRequestedAt ?? (overrides.state === 'bot' ? null : new Date('2026-04-01T08:00:00Z')),
      complaintOfferedAt: overrides.complaintOfferedAt ?? null,
      lastDetectorLabel: overrides.complaintOfferedAt ? 'complaint' : null,
    },
  });
  return { resident, conversation: updated };
}
