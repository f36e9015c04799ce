// The base of every channel adapter (BotAdapter, not CloudAdapterBase, which needs a Bot
// Connector). A turn starts from a message the server already stored; each bot reply is handed
// to `deliver`, which persists it before anything leaves (the outbox for Twilio, a socket push
// for web chat), so the rest of the bot never sees a channel's transport.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { StoredInbound } from './ChannelPorts.ts';

export type StoredChannel = 'sms' | 'whatsapp' | 'webchat' | 'botframework';
export type Logic = (context: TurnContext) => Promise<void>;

const BOT_ACCOUNT = { id: 'bot', name: 'bot', role: 'bot' } as const;

export abstract class StoredMessageAdapter extends BotAdapter {
  abstract readonly channel: StoredChannel;

  /**
   * Persists (and, where the channel can, sends) one text; returns the stored message ids (a long
   * SMS is stored as several parts). `staffUserId` marks a live reply written by staff.
   */
  protected abstract deliver(text: string, conversationId: string, address: string, staffUserId?: string): Promise<string[]>;

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
      // The stored row, so the bot can keep the detector's verdict on it (storedMessageId).
      channelData: { messageId: message.messageId },
      serviceUrl: '',
    };
    await this.runMiddleware(new TurnContext(this, activity), logic);
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const text = activity.type === ActivityTypes.Message ? activity.text : undefined;
      // Typing pauses and other non-text activities have nothing to store, send or replay.
      if (!text) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const address = activity.recipient?.id ?? context.activity.from.id;
      responses.push({ id: (await this.deliver(text, conversationId, address)).at(-1) ?? '' });
    }
    return responses;
  }

  /**
   * A live reply from a member of staff, outside any bot turn: stored (author staff) and delivered
   * exactly as the bot's replies are, so opt-out, the WhatsApp window and SMS parts all apply.
   */
  async sendStaffReply(input: { conversationId: string; address: string; text: string; staffUserId: string }): Promise<string[]> {
    return this.deliver(input.text, input.conversationId, input.address, input.staffUserId);
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error(`${this.channel} messages cannot be edited once sent`);
  }

  async deleteActivity(): Promise<void> {
    throw new Error(`${this.channel} messages cannot be deleted once sent`);
  }

  /** A proactive turn (staff update, reminder): what the bot sends is delivered the same way. */
  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const event = TurnContext.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      { ...reference, channelId: this.channel, bot: reference.bot ?? { ...BOT_ACCOUNT } },
      true,
    );
    await this.runMiddleware(new TurnContext(this, event), logic);
  }

  // The base class throws NotImplemented; the app id and claims mean nothing on these channels.
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

/** A reference for a proactive message to the resident on a stored conversation. */
export function conversationReferenceFor(channel: StoredChannel, conversationId: string, address: string): Partial<ConversationReference> {
  return {
    channelId: channel,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: address, name: 'resident', role: 'user' },
    bot: { ...BOT_ACCOUNT },
    serviceUrl: '',
  };
}
