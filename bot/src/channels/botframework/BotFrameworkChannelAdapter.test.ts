// Replies on the Bot Framework channel: stored first, then posted through the real SDK to the
// stored conversation reference (a local stand-in connector), then marked sent or failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectorOutbox, OutboundText } from '../ChannelPorts.ts';
import { BotConnector } from './BotConnector.ts';
import { BotFrameworkChannelAdapter } from './BotFrameworkChannelAdapter.ts';
import { FixedTokenCredentialsFactory, startFakeBotConnector, type FakeBotConnector } from './fakeBotConnector.ts';

const APP_ID = 'test-app-id';
const CONVERSATION = '00000000-0000-4000-8000-000000000001';
const ADDRESS = 'directline/dl-conversation-1';

let channel: FakeBotConnector;
let connector: BotConnector;
beforeAll(async () => {
  channel = await startFakeBotConnector(APP_ID);
  connector = new BotConnector({ appId: APP_ID, appPassword: 'pw', tenantId: undefined }, { credentialsFactory: new FixedTokenCredentialsFactory(APP_ID, 'pw') });
});
afterAll(async () => {
  await channel?.close();
});

function fakeOutbox(reference: Record<string, unknown> | null) {
  const events: string[] = [];
  const stored: OutboundText[] = [];
  const outbox: ConnectorOutbox = {
    async enqueue(text) {
      stored.push(text);
      events.push(`store:${text.body}`);
      return { messageId: `out-${stored.length}` };
    },
    referenceFor: async () => reference,
    recordSent: async (id, providerId) => void events.push(`sent:${id}:${providerId}`),
    recordFailed: async (id, error) => void events.push(`failed:${id}:${error}`),
  };
  return { outbox, events, stored };
}

const inbound = { messageId: 'm1', providerMessageId: `${ADDRESS}/act-1`, conversationId: CONVERSATION, address: ADDRESS, text: 'hello', media: [], receivedAt: new Date('2026-03-02T10:00:00Z') };
const reference = () => ({ activityId: 'act-1', channelId: 'directline', serviceUrl: channel.serviceUrl, conversation: { id: 'dl-conversation-1' }, user: { id: 'dl-user-1' }, bot: { id: APP_ID } });

describe('BotFrameworkChannelAdapter', () => {
  it('runs the turn on our conversation id and delivers each reply: stored, posted, marked sent', async () => {
    const { outbox, events, stored } = fakeOutbox(reference());
    const before = channel.replies.length;
    await new BotFrameworkChannelAdapter(outbox, connector).processInbound(inbound, async (context) => {
      expect(context.activity).toMatchObject({ channelId: 'botframework', conversation: { id: CONVERSATION }, from: { id: ADDRESS }, text: 'hello' });
      await context.sendActivities([{ type: 'message', text: 'one' }, { type: 'typing' }, { type: 'message', text: 'two' }]);
    });
    expect(stored[0]).toEqual({ conversationId: CONVERSATION, channel: 'botframework', address: ADDRESS, body: 'one' });
    const sent = channel.replies.slice(before);
    expect(sent.map((r) => [r.conversationId, r.replyToId, r.activity.text])).toEqual([
      ['dl-conversation-1', 'act-1', 'one'],
      ['dl-conversation-1', 'act-1', 'two'],
    ]);
    expect(events).toEqual([`store:one`, `sent:out-1:${ADDRESS}/reply-${before + 1}`, `store:two`, `sent:out-2:${ADDRESS}/reply-${before + 2}`]);
  });

  it('records a reply the connector refuses as failed and carries on with the turn', async () => {
    const { outbox, events } = fakeOutbox(reference());
    channel.respondWith(403);
    await new BotFrameworkChannelAdapter(outbox, connector).processInbound(inbound, async (context) => {
      await context.sendActivity('refused');
      await context.sendActivity('accepted');
    });
    expect(events[0]).toBe('store:refused');
    expect(events[1]).toBe('failed:out-1:Bot Connector HTTP 403 (BotNotInConversationRoster)');
    expect(events.slice(2)).toEqual(['store:accepted', expect.stringMatching(/^sent:out-2:/)]);
  });

  it('records a reply as failed when no conversation reference was stored', async () => {
    const { outbox, events } = fakeOutbox(null);
    await new BotFrameworkChannelAdapter(outbox, connector).processInbound(inbound, (context) => context.sendActivity('nowhere to go').then(() => undefined));
    expect(events).toEqual(['store:nowhere to go', 'failed:out-1:no Bot Framework conversation reference stored for this conversation']);
  });
});
