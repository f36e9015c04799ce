// What the Bot Framework endpoint keeps from an authenticated activity. Only `message`
// activities become stored messages; the others (conversationUpdate, typing, reactions...) carry
// nothing a resident said, and the bot greets on the first message anyway.
import { z } from 'zod';
import { TurnContext, type Activity } from 'botbuilder';
import type { InboundMedia } from '../ChannelPorts.ts';

const id = (max: number) => z.string().min(1).max(max);
const ZAccount = z.looseObject({ id: id(512), name: z.string().max(200).optional() });

const ZMessageActivity = z.looseObject({
  type: z.literal('message'),
  id: id(256),
  channelId: id(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({ id: id(512) }),
  from: ZAccount,
  recipient: ZAccount,
  text: z.string().max(10_000).optional(),
  locale: z.string().max(35).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string().min(1).max(200), contentUrl: z.url({ protocol: /^https?$/ }).optional() })).max(10).optional(),
});

/** A message activity as the server stores it (Message row + conversation reference). */
export interface BotFrameworkInbound {
  /**
   * Activity ids are only unique within their channel and conversation (the channel id is the
   * namespace of every other id), so the stored provider id carries all three.
   */
  providerMessageId: string;
  /** The Bot Framework conversation is the identity: replies always go back to it. */
  address: string;
  body: string;
  media: InboundMedia[];
  /** Plain JSON: where replies go. Stored with the message; see BotFrameworkChannelAdapter. */
  conversationReference: Record<string, unknown>;
}

export type ParsedActivity = { kind: 'message'; message: BotFrameworkInbound } | { kind: 'ignored'; type: string } | { kind: 'invalid'; problem: string };

export function parseInboundActivity(body: Record<string, unknown>): ParsedActivity {
  if (body.type !== 'message') return { kind: 'ignored', type: typeof body.type === 'string' ? body.type.slice(0, 40) : 'unknown' };
  const parsed = ZMessageActivity.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { kind: 'invalid', problem: `${issue?.path.join('.') || 'activity'}: ${issue?.message ?? 'invalid'}` };
  }
  const activity = parsed.data;
  const media = (activity.attachments ?? []).flatMap((a) => (a.contentUrl ? [{ url: a.contentUrl, contentType: a.contentType }] : []));
  const text = activity.text ?? '';
  // A card submission or an attachment without a URL has nothing to show staff or the bot.
  if (!text.trim() && media.length === 0) return { kind: 'ignored', type: 'message without text' };
  const reference = TurnContext.getConversationReference(activity as unknown as Partial<Activity>);
  return {
    kind: 'message',
    message: {
      providerMessageId: `${activity.channelId}/${activity.conversation.id}/${activity.id}`,
      address: `${activity.channelId}/${activity.conversation.id}`,
      body: text,
      media,
      conversationReference: JSON.parse(JSON.stringify(reference)) as Record<string, unknown>,
    },
  };
}
