import { describe, expect, it } from 'vitest';
import { isWithinWhatsAppWindow, whatsAppDelivery } from './whatsappWindow.ts';
import { channelKeyword } from './keywords.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000);
const TEMPLATE = 'HX' + 'a'.repeat(32);

describe('WhatsApp 24-hour window', () => {
  it('is open for 24 hours after the resident last wrote', () => {
    expect(isWithinWhatsAppWindow(hoursAgo(1), NOW)).toBe(true);
    expect(isWithinWhatsAppWindow(hoursAgo(23.99), NOW)).toBe(true);
    expect(isWithinWhatsAppWindow(hoursAgo(24), NOW)).toBe(false);
    expect(isWithinWhatsAppWindow(null, NOW)).toBe(false);
  });

  it('sends free text inside the window and the template outside it', () => {
    expect(whatsAppDelivery({ body: 'Hi', lastInboundAt: hoursAgo(2), now: NOW, templateSid: TEMPLATE })).toEqual({ kind: 'freeform' });
    expect(whatsAppDelivery({ body: 'Update', lastInboundAt: hoursAgo(30), now: NOW, templateSid: TEMPLATE })).toEqual({
      kind: 'template',
      template: { contentSid: TEMPLATE, variables: { '1': 'Update' } },
    });
    expect(whatsAppDelivery({ body: 'Update', lastInboundAt: hoursAgo(30), now: NOW, templateSid: undefined })).toEqual({ kind: 'no_template' });
  });
});

describe('channel keywords', () => {
  it('recognises STOP, START and HELP whatever the case and trailing punctuation', () => {
    expect(channelKeyword('whatsapp', ' Stop! ')).toBe('stop');
    expect(channelKeyword('whatsapp', 'START')).toBe('start');
    expect(channelKeyword('whatsapp', 'help')).toBe('help');
    expect(channelKeyword('sms', 'unsubscribe')).toBe('stop');
  });

  it('leaves conversational answers to the bot', () => {
    expect(channelKeyword('whatsapp', 'yes')).toBeNull();
    expect(channelKeyword('whatsapp', 'cancel')).toBeNull();
    expect(channelKeyword('sms', 'yes')).toBeNull();
    expect(channelKeyword('whatsapp', 'please stop the leak')).toBeNull();
  });
});
