import { describe, expect, it } from 'vitest';
import { parseInbound } from './webhookSchemas.ts';

const SID = 'SM' + 'a'.repeat(32);

describe('parseInbound', () => {
  it('strips the whatsapp: prefix and collects MediaUrlN / MediaContentTypeN', () => {
    expect(
      parseInbound('whatsapp', {
        MessageSid: SID,
        From: 'whatsapp:+447700900123',
        To: 'whatsapp:+447700900002',
        Body: 'see photo',
        NumMedia: '1',
        MediaUrl0: 'https://api.twilio.com/media/ME1',
        MediaContentType0: 'image/jpeg',
        ProfileName: 'ignored extra field',
      }),
    ).toEqual({ providerMessageId: SID, address: '+447700900123', body: 'see photo', media: [{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' }] });
  });

  it('refuses senders it cannot answer and media it cannot read', () => {
    expect(parseInbound('sms', { MessageSid: SID, From: 'whatsapp:+447700900123', To: 'x' })).toBeNull();
    expect(parseInbound('whatsapp', { MessageSid: SID, From: '+447700900123', To: 'x' })).toBeNull();
    expect(parseInbound('sms', { MessageSid: SID, From: '+447700900123', To: 'x', NumMedia: '1' })).toBeNull();
    expect(parseInbound('sms', { MessageSid: 'nope', From: '+447700900123', To: 'x' })).toBeNull();
  });

  it('treats a missing Body as empty (a photo on its own)', () => {
    expect(parseInbound('sms', { MessageSid: SID, From: '+447700900123', To: '+447700900001' })?.body).toBe('');
  });
});
