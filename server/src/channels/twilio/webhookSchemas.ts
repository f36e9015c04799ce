// The form fields Twilio posts. Unknown fields are allowed (Twilio adds them over time); the
// ones we rely on are checked. Media arrive as MediaUrl0..N / MediaContentType0..N.
//
// A signed webhook that fails these checks is answered 400 with the field and the problem (read
// in Twilio's debugger), never the value: it carries the sender's number and words. The body
// itself is never refused: it is stored after `storableText` (no U+0000, no unpaired surrogates).
import { z } from 'zod';
import { storableText } from '../../schemas/storableText.ts';

const messageSid = z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/, 'must be a Twilio message SID (SM or MM and 32 hex digits)');
const e164 = /^\+[1-9]\d{6,14}$/;
// A MIME type as RFC 9110 spells one (type/subtype, optional parameters), printable ASCII only.
const mimeType = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+(\s*;[\x20-\x7e]*)?$/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

export const ZInboundWebhook = z.looseObject({
  MessageSid: messageSid,
  From: z.string({ error: 'is required' }).min(1, 'is required'),
  To: z.string({ error: 'is required' }).min(1, 'is required'),
  Body: z.string({ error: 'must be one text field' }).default(''),
  NumMedia: z.coerce.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 to 10').max(10, 'must be 0 to 10').default(0),
});

export const ZStatusCallback = z.looseObject({
  MessageSid: messageSid,
  // Twilio's statuses are lower-case words (queued, sent, delivered, undelivered, read…).
  MessageStatus: z.string({ error: 'is required' }).regex(/^[a-z_]{1,40}$/, 'must be a Twilio message status such as delivered'),
  // Twilio's error codes are numbers (30003); an empty one means none.
  ErrorCode: z
    .string({ error: 'must be one text field' })
    .regex(/^\d{0,10}$/, 'must be a Twilio error code (digits)')
    .optional()
    .transform((code) => code || undefined),
});

const ZMedia = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }).max(2000, 'must be at most 2,000 characters').regex(NO_CONTROL_CHARACTERS, 'must not contain control characters'),
  contentType: z.string({ error: 'is required' }).max(200, 'must be at most 200 characters').regex(mimeType, 'must be a content type such as image/jpeg'),
});

export interface ParsedInbound {
  providerMessageId: string;
  address: string;
  body: string;
  media: { url: string; contentType: string }[];
  /** The body had characters PostgreSQL cannot keep (storableText); it is stored without them. */
  normalised: boolean;
}

export type InboundParse = { ok: true; inbound: ParsedInbound } | { ok: false; problem: string };

const problemOf = (error: z.ZodError, prefix = '') =>
  error.issues.map((issue) => `${prefix}${issue.path.join('.') || 'the form'} ${issue.message}`).join('; ');

/** The message, or what is wrong with the form (names fields, never their values). */
export function parseInbound(channel: 'sms' | 'whatsapp', fields: Record<string, unknown> | undefined): InboundParse {
  const parsed = ZInboundWebhook.safeParse(fields ?? {});
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const { MessageSid, From, Body, NumMedia } = parsed.data;
  const address = channel === 'whatsapp' ? From.replace(/^whatsapp:/, '') : From;
  if (channel === 'whatsapp' && !From.startsWith('whatsapp:')) return { ok: false, problem: 'From must be a WhatsApp address (whatsapp:+447700900123)' };
  if (!e164.test(address)) return { ok: false, problem: `From must be a phone number in E.164 form (${channel === 'whatsapp' ? 'whatsapp:' : ''}+447700900123)` };
  const media: ParsedInbound['media'] = [];
  for (let i = 0; i < NumMedia; i++) {
    const item = ZMedia.safeParse({ url: fields?.[`MediaUrl${i}`], contentType: fields?.[`MediaContentType${i}`] });
    if (!item.success) {
      const field = (issue: z.core.$ZodIssue) => (issue.path[0] === 'url' ? `MediaUrl${i}` : `MediaContentType${i}`);
      return { ok: false, problem: item.error.issues.map((issue) => `${field(issue)} ${issue.message}`).join('; ') };
    }
    media.push(item.data);
  }
  const body = storableText(Body);
  return { ok: true, inbound: { providerMessageId: MessageSid, address, body, media, normalised: body !== Body } };
}

/** The status callback, or what is wrong with it. */
export function parseStatusCallback(fields: Record<string, unknown> | undefined) {
  const parsed = ZStatusCallback.safeParse(fields ?? {});
  return parsed.success ? ({ ok: true, status: parsed.data } as const) : ({ ok: false, problem: problemOf(parsed.error) } as const);
}
