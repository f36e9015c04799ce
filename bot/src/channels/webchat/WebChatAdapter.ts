// The resident web chat as a botbuilder adapter. Like the Twilio adapters, a turn starts from a
// message the server already stored, and every bot reply is persisted through the OutboundQueue
// port first. There is no provider to hand it to: once stored it is pushed straight to the
// resident's open socket through an injected callback, so this package needs no socket.io types.
// A resident who is offline misses nothing: the stored row is replayed when they reconnect.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { OutboundQueue, StoredInbound } from '../ChannelPorts.ts';

type Logic = (context: TurnContext) => Promise<void>;

/** A stored outbound message, handed to the transport to deliver live. */
export interface WebChatDelivery {
  conversationId: string;
  messageId: string;
}

export type WebChatPush = (delivery: WebChatDelivery) => Promise<void> | void;

const BOT_ACCOUNT = { id: 'bot', name: 'bot', role: 'bot' } as const;

export class WebChatAdapter extends BotAdapter {
  readonly channel = 'webchat' as const;

  constructor(
    private readonly outbound: OutboundQueue,
    private readonly push: WebChatPush,
  ) {
    super();
  }

  /** Runs one turn for a stored inbound message. */
  async processInbound(message: StoredInbound, logic: Logic): Promise<void> {
    const activity: Partial<Activity> = {
      type: ActivityTypes.Message,
      id: message.providerMessageId ?? message.messageId,
      channelId: this.channel,
      conversation: { id: message.conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: message.address, name: 'resident', role: 'user' },
      recipient: { ...BOT_ACCOUNT },
      text: message.text,
      timestamp: message.receivedAt,
      attachments: message.media.map((m) => ({ contentType: m.contentType, contentUrl: m.url })),
      serviceUrl: '',
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const text = activity.type === ActivityTypes.Message ? activity.text : undefined;
      // Delays and other non-text activities have nothing to store or replay.
      if (!text) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const address = activity.recipient?.id ?? context.activity.from.id;
      const { messageId } = await this.outbound.enqueue({ conversationId, channel: this.channel, address, body: text });
      // Stored before pushed: a failed push only costs the resident a replay, never the message.
      try {
        await this.push({ conversationId, messageId });
      } catch {
        // Deliberately ignored: the row is stored and the client replays it after reconnecting.
      }
      responses.push({ id: messageId });
    }
    return responses;
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error('web chat messages cannot be edited once sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('web chat messages cannot be deleted once sent');
  }

  /** A proactive turn (staff update, reminder): what the bot sends is stored and pushed the same way. */
  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const event = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      { ...reference, channelId: this.channel, bot: reference.bot ?? { ...BOT_ACCOUNT } },
      true,
    );
    await this.runMiddleware(new TurnContext(this, event), logic);
  }

  // The base class throws NotImplemented; the app id and claims mean nothing on this channel.
  override async continueConversationAsync(
    _botAppIdOrClaims: unknown,
    reference: Partial<ConversationReference>,
    logicOrAudience: Logic | string,
    maybeLogic?: Logic,
  ): Promise<void> {
    const logic = typeof logicOrAudience === 'function' ? logicOrAudience : maybeLogic;
    if (!logic) throw new Error('continueConversationAsync needs a callback');
    await this.continueConversation(reference, logic);
  }
}
