// The web chat adapter stores each bot text through the port before pushing it, and a failed
// push never loses a reply (the resident replays it after reconnecting).
import { describe, expect, it } from 'vitest';
import type { OutboundText } from '../ChannelPorts.ts';
import { WebChatAdapter, type WebChatDelivery } from './WebChatAdapter.ts';

const inbound = {
  messageId: 'm1',
  providerMessageId: 'c1',
  conversationId: '00000000-0000-4000-8000-000000000001',
  address: 'a'.repeat(64),
  text: 'hello',
  media: [],
  receivedAt: new Date('2026-03-02T10:00:00Z'),
};

function setup(push: (d: WebChatDelivery) => void) {
  const events: string[] = [];
  const stored: OutboundText[] = [];
  const adapter = new WebChatAdapter(
    {
      enqueue(text) {
        stored.push(text);
        events.push(`store:${text.body}`);
        return Promise.resolve({ messageId: `out-${stored.length}` });
      },
    },
    (delivery) => {
      events.push(`push:${delivery.messageId}`);
      push(delivery);
    },
  );
  return { adapter, events, stored };
}

describe('WebChatAdapter', () => {
  it('stores, then pushes, each bot message on the webchat channel', async () => {
    const { adapter, events, stored } = setup(() => undefined);
    await adapter.processInbound(inbound, async (context) => {
      expect(context.activity.channelId).toBe('webchat');
      await context.sendActivities([{ type: 'message', text: 'one' }, { type: 'delay', value: 100 }, { type: 'message', text: 'two' }]);
    });
    expect(events).toEqual(['store:one', 'push:out-1', 'store:two', 'push:out-2']);
    expect(stored[0]).toEqual({ conversationId: inbound.conversationId, channel: 'webchat', address: inbound.address, body: 'one' });
  });

  it('keeps going when a push fails: the message is already stored', async () => {
    const { adapter, stored } = setup(() => {
      throw new Error('socket gone');
    });
    await adapter.processInbound(inbound, async (context) => {
      await context.sendActivity('still stored');
    });
    expect(stored.map((s) => s.body)).toEqual(['still stored']);
  });
});
