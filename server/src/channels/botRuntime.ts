// The bot runtime, wired in one place: storage, the intake port (with the server's working-day
// calendar for Code deadlines), the bot, and the Twilio channels when configured — their
// adapters, the turn runner, the outbox worker and the webhook routes.
import type { Router } from 'express';
import type { Namespace } from 'socket.io';
import type { Channel } from '@complaints/db';
import {
  ComplaintsBot,
  PrismaIntake,
  PrismaStorage,
  TwilioSmsAdapter,
  TwilioWhatsAppAdapter,
  WebChatAdapter,
  WHATSAPP_KEYWORD_REPLIES,
  channelKeyword,
  conversationReferenceFor,
  createTwilioSender,
  type OutboundQueue,
  type TwilioChannelAdapter,
  type TwilioHttpClient,
} from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { acknowledgementDueOn, civilDateToDbDate, type WorkingCalendar } from '../domain/index.ts';
import { publishConversationMessage } from '../conversations/messageEvents.ts';
import { acknowledgementsFirst } from './acknowledgementsFirst.ts';
import { acceptInboundMessage } from './inbound/acceptInboundMessage.ts';
import { applyDeliveryStatus } from './outbox/applyDeliveryStatus.ts';
import { createOutboundQueue } from './outbox/enqueueOutbound.ts';
import { createOutboxWorker, DEFAULT_OUTBOX_OPTIONS, type OutboxWorker, type OutboxWorkerOptions } from './outbox/outboxWorker.ts';
import { setOptedOut } from './optOut.ts';
import { createTurnRunner, type PendingInbound, type TurnRunner } from './turnRunner.ts';
import { twilioRoutes } from './twilio/routes.ts';
import { createWebChatPush, registerWebChatNamespace } from './webchat/chatNamespace.ts';
import { createWebChatOutbound } from './webchat/webChatOutbound.ts';

export interface ChannelRuntimeOptions {
  /** Tests only: Twilio's HTTP layer replaced by a fake. */
  twilioHttpClient?: TwilioHttpClient;
  outbox?: Partial<OutboxWorkerOptions>;
}

export interface ChannelRuntime {
  /** Mounted at /twilio when Twilio is configured. */
  twilioRoutes: Router | undefined;
  turnRunner: TurnRunner;
  outbox: OutboxWorker | undefined;
  /** A proactive bot message to a conversation's resident (updates, reminders). */
  sendToConversation(conversationId: string, text: string): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** `webChat`: the '/chat' socket.io namespace; without it the web chat channel is off. */
export function createBotRuntime(ctx: ServerContext, options: ChannelRuntimeOptions = {}, webChat?: Namespace): ChannelRuntime {
  const { prisma, logger, config } = ctx;
  // Refreshed before each turn: closure days added in the console must count from the next turn.
  let calendar: WorkingCalendar | undefined;
  const intake = new PrismaIntake(prisma, {
    acknowledgementDueOn: (receivedAt) => {
      if (!calendar) throw new Error('working calendar not loaded');
      return civilDateToDbDate(acknowledgementDueOn('stage_1', receivedAt, calendar));
    },
  });
  const bot = new ComplaintsBot({ storage: new PrismaStorage(prisma), intake, now: ctx.now });

  const twilio = config.twilio;
  const publicBaseUrl = config.publicBaseUrl;
  const background = acknowledgementsFirst();
  let outbox: OutboxWorker | undefined;
  let outbound: OutboundQueue | undefined;
  const adapters = new Map<Channel, TwilioChannelAdapter>();
  if (twilio && publicBaseUrl) {
    outbox = createOutboxWorker({
      prisma,
      logger,
      broadcaster: ctx.broadcaster,
      sender: createTwilioSender({
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        smsFrom: twilio.smsFrom,
        whatsappFrom: twilio.whatsappFrom,
        statusCallbackUrl: `${publicBaseUrl}/twilio/status`,
        ...(options.twilioHttpClient ? { httpClient: options.twilioHttpClient } : {}),
      }),
      options: { ...DEFAULT_OUTBOX_OPTIONS, now: ctx.now, ...options.outbox },
      background: background.background,
    });
    const worker = outbox;
    outbound = createOutboundQueue({
      prisma,
      broadcaster: ctx.broadcaster,
      now: options.outbox?.now ?? ctx.now,
      whatsappTemplateSid: twilio.whatsappTemplateSid,
      onQueued: () => worker.kick(),
    });
    if (twilio.smsFrom) adapters.set('sms', new TwilioSmsAdapter(outbound));
    if (twilio.whatsappFrom) adapters.set('whatsapp', new TwilioWhatsAppAdapter(outbound));
  }

  const webChatAdapter = webChat ? new WebChatAdapter(createWebChatOutbound({ prisma, broadcaster: ctx.broadcaster, now: ctx.now }), createWebChatPush(webChat, prisma)) : undefined;

  /** STOP / START / HELP, and silence towards a resident who opted out. True when handled. */
  async function handleKeyword(message: PendingInbound, channel: 'sms' | 'whatsapp'): Promise<boolean> {
    const keyword = channelKeyword(channel, message.text);
    const reply = async (body: string) => {
      if (channel === 'whatsapp') await outbound?.enqueue({ conversationId: message.conversationId, channel, address: message.address, body });
    };
    if (keyword === 'stop' || keyword === 'start') {
      await setOptedOut({ prisma, broadcaster: ctx.broadcaster }, { conversationId: message.conversationId, optedOut: keyword === 'stop', at: ctx.now() });
      if (keyword === 'start') await reply(WHATSAPP_KEYWORD_REPLIES.start);
      return true;
    }
    if (keyword === 'help') {
      await reply(WHATSAPP_KEYWORD_REPLIES.help);
      return true;
    }
    // Stored for staff, but no bot turn: nothing it said could be sent.
    return message.optedOut;
  }

  const turnRunner = createTurnRunner({
    prisma,
    logger,
    now: ctx.now,
    channels: [...adapters.keys(), ...(webChatAdapter ? (['webchat'] as const) : [])],
    background: background.background,
    async runTurn(message) {
      if (message.channel === 'webchat' && webChatAdapter) {
        calendar = await getWorkingCalendar(prisma);
        return webChatAdapter.processInbound(message, (context) => bot.run(context));
      }
      const adapter = adapters.get(message.channel);
      if (!adapter) return;
      if (await handleKeyword(message, adapter.channel)) return;
      calendar = await getWorkingCalendar(prisma);
      await adapter.processInbound(message, (context) => bot.run(context));
    },
  });

  if (webChat) registerWebChatNamespace(webChat, { prisma, broadcaster: ctx.broadcaster, logger, now: ctx.now, schedule: (id) => turnRunner.schedule(id) });

  const routes =
    twilio && publicBaseUrl
      ? twilioRoutes({
          authToken: twilio.authToken,
          publicBaseUrl,
          logger,
          now: ctx.now,
          channels: [...adapters.keys()] as ('sms' | 'whatsapp')[],
          async accept(input) {
            const accepted = await background.track(() => acceptInboundMessage(prisma, input, { driver: ctx.database }));
            if (accepted.stored) publishConversationMessage(ctx.broadcaster, accepted.stored);
            // Also on a redelivery: harmless (turns are serialised and skip processed rows) and it
            // retries a message whose first scheduling failed.
            turnRunner.schedule(accepted.conversationId);
            return accepted;
          },
          status: (input) => applyDeliveryStatus({ prisma, broadcaster: ctx.broadcaster }, input),
        })
      : undefined;

  return {
    twilioRoutes: routes,
    turnRunner,
    outbox,
    async sendToConversation(conversationId, text) {
      const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { channelIdentity: true } });
      const adapter = conversation.channel === 'webchat' ? webChatAdapter : adapters.get(conversation.channel);
      if (!adapter) throw new Error(`no adapter for the ${conversation.channel} channel`);
      const reference = conversationReferenceFor(adapter.channel, conversationId, conversation.channelIdentity.address);
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(text);
      });
    },
    async start() {
      outbox?.start();
      await turnRunner.resumePending();
    },
    async close() {
      await turnRunner.close();
      await outbox?.stop();
    },
  };
}
