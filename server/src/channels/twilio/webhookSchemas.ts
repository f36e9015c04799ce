// The form fields Twilio posts. Unknown fields are allowed (Twilio adds them over time); the
// ones we rely on are checked. Media arrive as MediaUrl0..N / MediaContentType0..N.
import { z } from 'zod';

const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID');
const e164 = /^\+[1-9]\d{6,14}$/;

export const ZInboundWebhook = z.looseObject({
  MessageSid: messageSid,
  From: z.string().min(1),
  To: z.string().min(1),
  Body: z.string().default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
});

export const ZStatusCallback = z.looseObject({
  MessageSid: messageSid,
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
});

const ZMedia = z.object({ url: z.url({ protocol: /^https?$/ }), contentType: z.string().min(1).max(200) });

export interface ParsedInbound {
  providerMessageId: string;
  address: string;
  body: string;
  media: { url: string; contentType: string }[];
}

/** Null when the sender is not a phone number this channel can answer. */
export function parseInbound(channel: 'sms' | 'whatsapp', fields: Record<string, unknown>): ParsedInbound | null {
  const parsed = ZInboundWebhook.safeParse(fields);
  if (!parsed.success) return null;
  const { MessageSid, From, Body, NumMedia } = parsed.data;
  const address = channel === 'whatsapp' ? From.replace(/^whatsapp:/, '') : From;
  if (!e164.test(address) || (channel === 'whatsapp' && !From.startsWith('whatsapp:'))) return null;
  const media: ParsedInbound['media'] = [];
  for (let i = 0; i < NumMedia; i++) {
    const item = ZMedia.safeParse({ url: fields[`MediaUrl${i}`], contentType: fields[`MediaContentType${i}`] });
    if (!item.success) return null;
    media.push(item.data);
  }
  return { providerMessageId: MessageSid, address, body: Body, media };
}
