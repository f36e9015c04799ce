// The Bot Framework channel's turns. Like the other channels, a turn starts from the stored
// inbound message with our Conversation id (the intake port and dialog state key on it); only
// delivery differs: each reply is stored first, then posted through the Bot Connector to the
// conversation the resident wrote from (the stored conversation reference), and marked sent or
// failed. Nothing is retried later: the connector client already retries network errors and
// 5xx (three more tries), and a reply that still fails shows as failed to staff, who can answer
// from the console. A process stopped mid-send leaves the reply 'sending': not confirmed.
// The server runs each turn in one database transaction and must not talk to the connector
// inside it: it passes `afterCommit`, which holds the send until the stored reply has committed.
import type { ConversationReference } from 'botbuilder';
import type { ConnectorOutbox } from '../ChannelPorts.ts';
import { StoredMessageAdapter } from '../StoredMessageAdapter.ts';
import { describeConnectorFailure, type BotConnector } from './BotConnector.ts';

export interface BotFrameworkChannelOptions {
  /** Runs the send once what the turn stored has committed (default: at once). */
  afterCommit?: (send: () => Promise<void>) => Promise<void>;
}

export class BotFrameworkChannelAdapter extends StoredMessageAdapter {
  readonly channel = 'botframework' as const;

  constructor(
    private readonly outbox: ConnectorOutbox,
    private readonly connector: Pick<BotConnector, 'sendText'>,
    private readonly options: BotFrameworkChannelOptions = {},
  ) {
    super();
  }

  protected async deliver(text: string, conversationId: string, address: string, staffUserId?: string): Promise<string[]> {
    const { messageId } = await this.outbox.enqueue({ conversationId, channel: this.channel, address, body: text, ...(staffUserId ? { staffUserId } : {}) });
    const send = () => this.send(messageId, text, conversationId, address);
    await (this.options.afterCommit ? this.options.afterCommit(send) : send());
    return [messageId];
  }

  private async send(messageId: string, text: string, conversationId: string, address: string): Promise<void> {
    const reference = await this.outbox.referenceFor(conversationId);
    if (!reference) {
      await this.outbox.recordFailed(messageId, 'no Bot Framework conversation reference stored for this conversation');
      return;
    }
    let sentId: string;
    try {
      sentId = await this.connector.sendText(reference as Partial<ConversationReference>, text);
    } catch (error) {
      await this.outbox.recordFailed(messageId, describeConnectorFailure(error));
      return;
    }
    // Namespaced like inbound ids: the channel's id is only unique within its conversation.
    await this.outbox.recordSent(messageId, sentId ? `${address}/${sentId}` : null);
  }
}
