// The resident web chat's socket.io events (namespace '/chat'), shared by the server and the
// chat page. The page imports TYPES only: a value import would pull zod into the resident's
// bundle (see the bundle budget in ARCHITECTURE.md). Error texts are for residents, some not
// fluent in English: short, plain, and saying what to do.
import { z } from 'zod';
import { MESSAGE_AUTHORS } from './conversations.ts';
import { storableText } from './storableText.ts';

export const WEB_CHAT_MAX_MESSAGE_LENGTH = 2000;

/** Resident → server `message`: clientId makes a resend after a reconnect a no-op. */
export const ZWebChatSendSchema = z.object({
  clientId: z.uuid({ error: 'Your message could not be sent. Please reload the page and try again.' }),
  // storableText first: a NUL or half an emoji (pasted, or a broken client) is dropped or made
  // U+FFFD rather than refusing the resident's words; then the limits apply to what is kept.
  text: z
    .string({ error: 'Please type a message before sending.' })
    .transform((text) => storableText(text).trim())
    .pipe(
      z
        .string()
        .min(1, { error: 'Please type a message before sending.' })
        .max(WEB_CHAT_MAX_MESSAGE_LENGTH, { error: 'Your message is too long. Please keep it under 2,000 characters, or send it in parts.' }),
    ),
});
export type TWebChatSend = z.infer<typeof ZWebChatSendSchema>;

/** Resident → server `replay`: everything after the last seq the page has seen. */
export const ZWebChatReplaySchema = z.object({
  afterSeq: z.union([z.number().int().min(0), z.string().regex(/^\d{1,18}$/).transform(Number)]),
});

/** Resident → server `typing` (relayed to staff without any text). */
export const ZWebChatResidentTypingSchema = z.object({ typing: z.boolean() });

/** Server → resident `message`, live and on replay, both directions. */
export const ZWebChatMessageSchema = z.object({
  seq: z.number().int(),
  author: z.enum(MESSAGE_AUTHORS),
  text: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type TWebChatMessage = z.infer<typeof ZWebChatMessageSchema>;

/** Server → resident `session`: the secret to keep. `expired`: the old one was idle too long. */
export interface TWebChatSession {
  sessionId: string;
  resumed: boolean;
  expired: boolean;
}

/** Server → resident `typing`: the assistant's turn is running, or a member of staff is typing. */
export interface TWebChatTyping {
  typing: boolean;
  author: 'bot' | 'staff';
}

/** The acknowledgement of `message`. retryAfterMs: rate limited; the same clientId may be resent then. */
export type TWebChatSendAck = { ok: true; seq: number } | { ok: false; error: string; retryAfterMs?: number };
export type TWebChatReplayAck = { ok: true; messages: TWebChatMessage[] } | { ok: false; error: string };
