// The Twilio channels as botbuilder adapters (BotAdapter, not CloudAdapterBase, which needs a Bot
// Connector). A turn starts from a message the server already stored; replies go to the outbound
// queue and a worker sends them later, so nothing here talks to Twilio.
import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import type { OutboundQueue, StoredInbound } from '../ChannelPorts.ts';

export type TwilioChannel = 'sms' | 'whatsapp';
type Logic = (context: TurnContext) => Promise<void>;

const BOT_ACCOUNT = { id: 'bot', name: 'bot', role: 'bot' } as const;

export abstract class TwilioChannelAdapter extends BotAdapter {
  abstract readonly channel: TwilioChannel;

  constructor(private readonly outbound: OutboundQueue) {
    super();
  }

  /** Splits one bot text into the bodies actually sent (SMS keeps to two segments each). */
  protected abstract bodies(text: string): string[];

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
      if (activity.type === 'delay') {
        // Typing pauses mean nothing on SMS or WhatsApp.
        responses.push({ id: '' });
        continue;
      }
      const text = activity.type === ActivityTypes.Message ? activity.text : undefined;
      if (!text) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id ?? context.activity.conversation.id;
      const address = activity.recipient?.id ?? context.activity.from.id;
      let id = '';
      for (const body of this.bodies(text)) {
        ({ messageId: id } = await this.outbound.enqueue({ conversationId, channel: this.channel, address, body }));
      }
      responses.push({ id });
    }
    return responses;
  }

  async updateActivity(): Promise<ResourceResponse | void> {
    throw new Error(`${this.channel} messages cannot be edited once sent`);
  }

  async deleteActivity(): Promise<void> {
    throw new Error(`${this.channel} messages cannot be deleted once sent`);
  }

  /** A proactive turn (staff update, reminder): what the bot sends goes through the same queue. */
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
export function conversationReferenceFor(channel: TwilioChannel | 'webchat', conversationId: string, address: string): Partial<ConversationReference> {
  return {
    channelId: channel,
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: address, name: 'resident', role: 'user' },
    bot: { ...BOT_ACCOUNT },
    serviceUrl: '',
  };
}
