// What every dialog needs: the port, the recogniser (our detector), a clock, and the session.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { Classification } from '../detector/index.ts';
import type { ChatChannel, ConversationRef, ConversationSnapshot, IntakePort } from '../intake/IntakePort.ts';

/** Per-conversation facts kept beside the dialog stack (stored through PrismaStorage). */
export interface Session {
  greeted?: boolean;
  lowConfidenceStreak?: number;
  /** Set while staff have the conversation, so the bot can say it is back afterwards. */
  handedOff?: boolean;
  /** ISO instant of the first expression of dissatisfaction not yet dealt with (the Code's clock). */
  firstDissatisfiedAt?: string;
  language?: string;
}

export interface DialogDeps {
  intake: IntakePort;
  classify: (text: string) => Classification;
  now: () => Date;
  session: StatePropertyAccessor<Session>;
  /** Below this detector confidence the bot treats a message as not understood. */
  lowConfidence: number;
}

const CHAT_CHANNELS: ChatChannel[] = ['sms', 'whatsapp', 'webchat', 'botframework'];

export function conversationRef(context: TurnContext): ConversationRef {
  const activity = context.activity;
  const channel = CHAT_CHANNELS.find((c) => c === activity.channelId) ?? 'botframework';
  return { conversationId: activity.conversation.id, channel, address: activity.from.id };
}

export async function getSession(deps: DialogDeps, context: TurnContext): Promise<Session> {
  return deps.session.get(context, {});
}

/** The id of the stored inbound Message this turn is for (absent outside the stored channels). */
export function storedMessageId(context: TurnContext): string | undefined {
  const id = (context.activity.channelData as { messageId?: unknown } | undefined)?.messageId;
  return typeof id === 'string' ? id : undefined;
}

export function text(context: TurnContext): string {
  return (context.activity.text ?? '').trim();
}

const SNAPSHOT = Symbol('conversationSnapshot');

export function setSnapshot(context: TurnContext, snapshot: ConversationSnapshot): void {
  context.turnState.set(SNAPSHOT, snapshot);
}

export function snapshot(context: TurnContext): ConversationSnapshot {
  const value = context.turnState.get(SNAPSHOT) as ConversationSnapshot | undefined;
  if (!value) throw new Error('No conversation snapshot for this turn');
  return value;
}
