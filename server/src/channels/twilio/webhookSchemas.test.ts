import { describe, expect, it } from 'vitest';
import { parseInbound, parseStatusCallback } from './webhookSchemas.ts';

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
    ).toEqual({
      ok: true,
      inbound: { providerMessageId: SID, address: '+447700900123', body: 'see photo', media: [{ url: 'https://api.twilio.com/media/ME1', contentType: 'image/jpeg' }], normalised: false },
    });
  });

  it('refuses senders it cannot answer and media it cannot read, naming the field and never its value', () => {
    const problem = (channel: 'sms' | 'whatsapp', fields: Record<string, string>) => {
      const parsed = parseInbound(channel, fields);
      return parsed.ok ? undefined : parsed.problem;
    };
    expect(problem('sms', { MessageSid: SID, From: 'whatsapp:+447700900123', To: 'x' })).toBe('From must be a phone number in E.164 form (+447700900123)');
    expect(problem('whatsapp', { MessageSid: SID, From: '+447700900123', To: 'x' })).toBe('From must be a WhatsApp address (whatsapp:+447700900123)');
    expect(problem('sms', { MessageSid: SID, From: '+447700900123', To: 'x', NumMedia: '1' })).toMatch(/^MediaUrl0 must be an http\(s\) address; MediaContentType0 is required$/);
    expect(problem('sms', { MessageSid: SID, From: '+447700900123', To: 'x', NumMedia: '1', MediaUrl0: 'https://a.example/x', MediaContentType0: 'text/html\u0000' })).toBe(
      'MediaContentType0 must be a content type such as image/jpeg',
    );
    expect(problem('sms', { MessageSid: 'nope', From: '+447700900123', To: 'x' })).toBe('MessageSid must be a Twilio message SID (SM or MM and 32 hex digits)');
    expect(problem('sms', { MessageSid: SID, From: '+447700900123', To: 'x', NumMedia: '11' })).toBe('NumMedia must be 0 to 10');
    expect(problem('sms', { MessageSid: SID, From: '+44' + '7'.repeat(400), To: 'x' })).not.toMatch(/7777/);
  });

  it('treats a missing Body as empty (a photo on its own)', () => {
    const parsed = parseInbound('sms', { MessageSid: SID, From: '+447700900123', To: '+447700900001' });
    expect(parsed.ok && parsed.inbound.body).toBe('');
  });

  it('keeps every body, without what PostgreSQL cannot hold, and says it changed it', () => {
    const parsed = parseInbound('sms', { MessageSid: SID, From: '+447700900123', To: 'x', Body: 'a\u0000b \ud83d <script>' });
    expect(parsed).toMatchObject({ ok: true, inbound: { body: 'ab \ufffd <script>', normalised: true } });
  });
});

describe('parseStatusCallback', () => {
  it('reads a status and an error code; an empty error code is none', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'undelivered', ErrorCode: '30003' })).toMatchObject({ ok: true, status: { ErrorCode: '30003' } });
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'sent', ErrorCode: '' })).toMatchObject({ ok: true, status: { ErrorCode: undefined } });
  });

  it('refuses statuses and error codes Twilio never sends', () => {
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'delivered\u0000' })).toEqual({ ok: false, problem: 'MessageStatus must be a Twilio message status such as delivered' });
    expect(parseStatusCallback({ MessageSid: SID, MessageStatus: 'sent', ErrorCode: "1' OR 1=1" })).toEqual({ ok: false, problem: 'ErrorCode must be a Twilio error code (digits)' });
  });
});
