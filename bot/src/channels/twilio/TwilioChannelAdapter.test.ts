import { describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import type { OutboundText } from '../ChannelPorts.ts';
import { countSegments } from '../segments.ts';
import { conversationReferenceFor } from './TwilioChannelAdapter.ts';
import { TwilioSmsAdapter } from './TwilioSmsAdapter.ts';
import { TwilioWhatsAppAdapter } from './TwilioWhatsAppAdapter.ts';
import { isValidTwilioSignature, signTwilioWebhook } from './signatures.ts';

const CONVERSATION = '6f1c1a52-2a77-4f0e-9a55-0c1b7c0f2f11';

function queue() {
  const sent: OutboundText[] = [];
  return { sent, enqueue: async (m: OutboundText) => (sent.push(m), { messageId: `m${sent.length}` }) };
}

const inbound = {
  messageId: 'a6d1b7f0-0000-4000-8000-000000000001',
  providerMessageId: 'SM' + '1'.repeat(32),
  conversationId: CONVERSATION,
  address: '+447700900123',
  text: 'There is damp in the bedroom',
  media: [{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' }],
  receivedAt: new Date('2026-03-02T10:00:00Z'),
};

describe('Twilio adapters', () => {
  it('turns a stored message into a message activity for the conversation and sender', async () => {
    const adapter = new TwilioSmsAdapter(queue());
    let seen: TurnContext['activity'] | undefined;
    await adapter.processInbound(inbound, async (context) => {
      seen = context.activity;
    });
    expect(seen).toMatchObject({
      type: 'message',
      channelId: 'sms',
      id: inbound.providerMessageId,
      conversation: { id: CONVERSATION },
      from: { id: '+447700900123' },
      text: inbound.text,
      attachments: [{ contentType: 'image/jpeg', contentUrl: inbound.media[0]!.url }],
    });
  });

  it('queues replies instead of sending them; SMS keeps each body within two segments', async () => {
    const outbound = queue();
    const adapter = new TwilioSmsAdapter(outbound);
    const long = Array.from({ length: 10 }, (_, i) => `Sentence ${i} tells the resident what happens next.`).join(' ');
    await adapter.processInbound(inbound, async (context) => {
      await context.sendActivity('Thanks');
      await context.sendActivity(long);
    });
    expect(outbound.sent[0]).toEqual({ conversationId: CONVERSATION, channel: 'sms', address: '+447700900123', body: 'Thanks' });
    expect(outbound.sent.length).toBeGreaterThan(2);
    for (const m of outbound.sent) expect(countSegments(m.body).segments).toBeLessThanOrEqual(2);
  });

  it('sends proactively through continueConversationAsync on WhatsApp', async () => {
    const outbound = queue();
    const adapter = new TwilioWhatsAppAdapter(outbound);
    await adapter.continueConversationAsync('app', conversationReferenceFor('whatsapp', CONVERSATION, '+447700900123'), async (context) => {
      await context.sendActivity('Your complaint has been acknowledged.');
    });
    expect(outbound.sent).toEqual([{ conversationId: CONVERSATION, channel: 'whatsapp', address: '+447700900123', body: 'Your complaint has been acknowledged.' }]);
  });

  it('refuses to edit or delete a sent message', async () => {
    const adapter = new TwilioSmsAdapter(queue());
    await expect(adapter.updateActivity()).rejects.toThrow(/cannot be edited/);
    await expect(adapter.deleteActivity()).rejects.toThrow(/cannot be deleted/);
  });
});

describe('webhook signatures', () => {
  it('accepts Twilio’s signature for the same URL and fields, and nothing else', () => {
    const url = 'https://complaints.example.org/twilio/sms';
    const params = { Body: 'hi', From: '+447700900123', MessageSid: 'SM' + '1'.repeat(32) };
    const signature = signTwilioWebhook('token', url, params);
    expect(isValidTwilioSignature('token', signature, url, params)).toBe(true);
    expect(isValidTwilioSignature('token', signature, 'https://evil.example/twilio/sms', params)).toBe(false);
    expect(isValidTwilioSignature('token', signature, url, { ...params, Body: 'changed' })).toBe(false);
    expect(isValidTwilioSignature('other', signature, url, params)).toBe(false);
    expect(isValidTwilioSignature('token', undefined, url, params)).toBe(false);
  });
});
