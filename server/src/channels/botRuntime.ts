// The bot runtime, wired in one place: storage, the intake port (with the server's working-day
// calendar for Code deadlines), the bot, and the Twilio channels when configured — their
// adapters, the turn runner, the outbox worker and the webhook routes — or, in development, the
// same Twilio channels against the phone simulator's simulated Twilio; the web chat; and the
// Bot Framework endpoint when MICROSOFT_APP_ID is set.
import type { Router } from 'express';
import type { Namespace } from 'socket.io';
import type { Channel } from '@complaints/db';
import {
  BotConnector,
  BotFrameworkChannelAdapter,
  ComplaintsBot,
  PrismaIntake,
  PrismaStorage,
  TwilioSmsAdapter,
  TwilioWhatsAppAdapter,
  WebChatAdapter,
  WHATSAPP_KEYWORD_REPLIES,
  channelKeyword,
  conversationReferenceFor,
  createTwilioMediaSource,
  createTwilioSender,
  TwilioChannelAdapter,
  type BotConnectorSeams,
  type MediaFetch,
  type MediaSource,
  type OutboundQueue,
  type TwilioHttpClient,
} from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { acknowledgementDueOn, civilDateToDbDate, type WorkingCalendar } from '../domain/index.ts';
import { publishConversationMessage } from '../conversations/messageEvents.ts';
import { botFrameworkRoutes } from './botframework/routes.ts';
import { createConnectorOutbox } from './botframework/connectorOutbox.ts';
import { createIntakeEventSink } from '../conversations/intakeEvents.ts';
import type { LiveChatSender } from '../conversations/replyToConversation.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { acceptInboundMessage, type InboundInput } from './inbound/acceptInboundMessage.ts';
import { acknowledgementsFirst } from './acknowledgementsFirst.ts';
import { applyDeliveryStatus } from './outbox/applyDeliveryStatus.ts';
import { createOutboundQueue } from './outbox/enqueueOutbound.ts';
import { createOutboxWorker, DEFAULT_OUTBOX_OPTIONS, type OutboxWorker, type OutboxWorkerOptions } from './outbox/outboxWorker.ts';
import { setOptedOut } from './optOut.ts';
import { createTurnRunner, DEFAULT_TURN_CONCURRENCY, POSTGRES_TURN_CONCURRENCY, type PendingInbound, type TurnRunner } from './turnRunner.ts';
import { afterCommit, afterTurn, deliverAfterCommit, turnSql } from './turnScope.ts';
import { simulatorRoutes } from './simulator/routes.ts';
import { createSimulatedTwilio } from './simulator/simulatedTwilio.ts';
import { twilioRoutes } from './twilio/routes.ts';
import { createResidentTyping, createWebChatPush, registerWebChatNamespace } from './webchat/chatNamespace.ts';
import { createWebChatLimits, DEFAULT_WEB_CHAT_LIMITS, type WebChatLimitOptions } from './webchat/webChatLimits.ts';
import { createWebChatOutbound } from './webchat/webChatOutbound.ts';

export interface ChannelRuntimeOptions {
  /** Tests only: Twilio's HTTP layer replaced by a fake. */
  twilioHttpClient?: TwilioHttpClient;
  /** Tests only: how attachments are fetched from Twilio (its media API and media store). */
  twilioMediaFetch?: MediaFetch;
  outbox?: Partial<OutboxWorkerOptions>;
  /** Tests only: small web chat rate limits. */
  webChatLimits?: Partial<WebChatLimitOptions>;
  /** Tests only: the Bot Framework channel's signing keys and outbound credentials. */
  botFramework?: BotConnectorSeams;
  /** Tests only: pause between the phone simulator's status callbacks. */
  simulatorStepMs?: number;
}

export interface ChannelRuntime extends LiveChatSender {
  /** Mounted at /twilio when Twilio is configured (or simulated). */
  twilioRoutes: Router | undefined;
  /** Mounted at /api/messages when the Bot Framework endpoint is configured. */
  botFrameworkRoutes: Router | undefined;
  /** Mounted at /simulator in development (the phone simulator's API). */
  simulatorRoutes: Router | undefined;
  turnRunner: TurnRunner;
  outbox: OutboxWorker | undefined;
  /** Where staff's attachment links are fetched from: Twilio, the phone simulator, or nowhere. */
  media: MediaSource | undefined;
  /** A proactive bot message to a conversation's resident (updates, reminders). */
  sendToConversation(conversationId: string, text: string): Promise<void>;
  /** Staff live chat: show (or stop showing) "a member of staff is typing" to a web chat resident. */
  showTypingToResident(conversationId: string, typing: boolean): Promise<void>;
  /** `serverUrl`: where the server itself listens (the phone simulator posts webhooks there). */
  start(serverUrl: string): Promise<void>;
  close(): Promise<void>;
}

/** `webChat`: the '/chat' socket.io namespace; without it the web chat channel is off. */
export function createBotRuntime(ctx: ServerContext, options: ChannelRuntimeOptions = {}, webChat?: Namespace): ChannelRuntime {
  const { prisma, logger, config } = ctx;
  // Refreshed before each turn: closure days added in the console must count from the next turn.
  let calendar: WorkingCalendar | undefined;
  const intakeEvents = createIntakeEventSink(ctx);
  // What every turn runs goes to the turn transaction's own connection (turnScope.ts).
  const sql = () => turnSql(ctx.database.query);
  const intake = new PrismaIntake(prisma, {
    sql,
    // Not on PGlite: its one session is the turn's until it commits (a statement beside it would wait for ever).
    ...(ctx.database.kind === 'postgres' ? { references: ctx.database.query } : {}),
    acknowledgementDueOn: (receivedAt) => {
      if (!calendar) throw new Error('working calendar not loaded');
      return civilDateToDbDate(acknowledgementDueOn('stage_1', receivedAt, calendar));
    },
    // Handoffs, offers, complaints and service requests the bot records reach the console live,
    // once the turn that recorded them has committed.
    onEvent: (event) => afterCommit(() => intakeEvents(event)),
  });
  const bot = new ComplaintsBot({ storage: new PrismaStorage(prisma, sql), intake, now: ctx.now });

  // Config never turns the simulator on beside real Twilio, so only one of the two is set.
  const simulator = config.phoneSimulator
    ? createSimulatedTwilio({
        logger,
        publicBaseUrl: config.publicBaseUrl ?? `http://localhost:${config.port}`,
        isStored: async (sid) => (await prisma.message.count({ where: { providerMessageId: sid } })) > 0,
        ...(options.simulatorStepMs === undefined ? {} : { stepMs: options.simulatorStepMs }),
      })
    : undefined;
  const twilio = config.twilio ?? simulator?.settings;
  const publicBaseUrl = simulator ? simulator.publicBaseUrl : config.publicBaseUrl;
  const twilioHttpClient = options.twilioHttpClient ?? simulator?.httpClient;
  const media: MediaSource | undefined =
    simulator?.media ??
    (config.twilio
      ? createTwilioMediaSource({
          accountSid: config.twilio.accountSid,
          authToken: config.twilio.authToken,
          ...(options.twilioMediaFetch ? { fetch: options.twilioMediaFetch } : {}),
        })
      : undefined);
  const background = acknowledgementsFirst();
  let outbox: OutboxWorker | undefined;
  let outbound: OutboundQueue | undefined;
  const adapters = new Map<Channel, TwilioChannelAdapter>();
  if (twilio && publicBaseUrl) {
    outbox = createOutboxWorker({
      prisma,
      sql: ctx.database.query,
      logger,
      broadcaster: ctx.broadcaster,
      sender: createTwilioSender({
        accountSid: twilio.accountSid,
        authToken: twilio.authToken,
        smsFrom: twilio.smsFrom,
        whatsappFrom: twilio.whatsappFrom,
        statusCallbackUrl: `${publicBaseUrl}/twilio/status`,
        ...(twilioHttpClient ? { httpClient: twilioHttpClient } : {}),
      }),
      options: { ...DEFAULT_OUTBOX_OPTIONS, now: ctx.now, ...options.outbox },
      whatsappTemplateSid: twilio.whatsappTemplateSid,
      background: background.background,
    });
    const worker = outbox;
    outbound = createOutboundQueue({
      sql,
      broadcaster: ctx.broadcaster,
      now: options.outbox?.now ?? ctx.now,
      whatsappTemplateSid: twilio.whatsappTemplateSid,
      // After commit: a worker polling earlier would not see the row yet.
      onQueued: () => afterCommit(() => worker.kick()),
    });
    if (twilio.smsFrom) adapters.set('sms', new TwilioSmsAdapter(outbound));
    if (twilio.whatsappFrom) adapters.set('whatsapp', new TwilioWhatsAppAdapter(outbound));
  }

  const webChatPush = webChat ? createWebChatPush(webChat, prisma) : undefined;
  const webChatAdapter =
    webChat && webChatPush
      ? new WebChatAdapter(createWebChatOutbound({ prisma, broadcaster: ctx.broadcaster, now: ctx.now }), (delivery) => deliverAfterCommit(() => webChatPush(delivery)))
      : undefined;
  const residentTyping = webChat ? createResidentTyping(webChat, prisma, logger) : undefined;
  const botConnector = config.botFramework ? new BotConnector(config.botFramework, options.botFramework) : undefined;
  const botFrameworkAdapter = botConnector
    ? new BotFrameworkChannelAdapter(createConnectorOutbox({ prisma, broadcaster: ctx.broadcaster, now: ctx.now }), botConnector, { afterCommit: deliverAfterCommit })
    : undefined;
  const adapterFor = (channel: Channel) => (channel === 'webchat' ? webChatAdapter : channel === 'botframework' ? botFrameworkAdapter : adapters.get(channel));

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
    channels: [...adapters.keys(), ...(webChatAdapter ? (['webchat'] as const) : []), ...(botFrameworkAdapter ? (['botframework'] as const) : [])],
    background: background.background,
    // On PostgreSQL a turn spends most of its time waiting on round trips, so several run at once
    // (each holds one of the pool's ten connections; acknowledgements keep the rest). Embedded
    // PGlite runs one statement at a time whatever the process asks.
    concurrency: ctx.database.kind === 'postgres' ? POSTGRES_TURN_CONCURRENCY : DEFAULT_TURN_CONCURRENCY,
    async runTurn(message) {
      const adapter = adapterFor(message.channel);
      if (!adapter) return;
      if (adapter instanceof TwilioChannelAdapter && (await handleKeyword(message, adapter.channel))) return;
      // A web chat resident sees "typing…" for as long as the bot's turn for their message runs:
      // shown at once (it changes nothing), cleared once the turn's transaction has ended,
      // after its replies were pushed, whether it committed or not.
      const typing = message.channel === 'webchat' ? residentTyping : undefined;
      if (typing) {
        await typing(message.conversationId, true, 'bot');
        await afterTurn(() => typing(message.conversationId, false, 'bot'));
      }
      calendar = await getWorkingCalendar(prisma);
      await adapter.processInbound(message, (context) => bot.run(context));
    },
  });

  /** Every channel's step 1: store (a redelivery is a no-op), tell staff, schedule the turn. */
  async function accept(input: InboundInput) {
    const accepted = await background.track(() => acceptInboundMessage(prisma, input, { driver: ctx.database }));
    if (accepted.stored) publishConversationMessage(ctx.broadcaster, accepted.stored);
    // Also on a redelivery: harmless (turns are serialised and skip processed rows) and it
    // retries a message whose first scheduling failed.
    turnRunner.schedule(accepted.conversationId);
    return accepted;
  }

  if (webChat) {
    registerWebChatNamespace(webChat, {
      prisma,
      broadcaster: ctx.broadcaster,
      logger,
      now: ctx.now,
      schedule: (id) => turnRunner.schedule(id),
      limits: createWebChatLimits({ ...DEFAULT_WEB_CHAT_LIMITS, ...options.webChatLimits }),
      sessionDays: config.webChat.sessionDays,
      trustProxy: config.trustProxy,
    });
  }

  const routes =
    twilio && publicBaseUrl
      ? twilioRoutes({
          authToken: twilio.authToken,
          publicBaseUrl,
          logger,
          now: ctx.now,
          channels: [...adapters.keys()] as ('sms' | 'whatsapp')[],
          accept,
          inFlight: background.requests,
          status: (input) => applyDeliveryStatus({ prisma, broadcaster: ctx.broadcaster }, input),
        })
      : undefined;

  return {
    twilioRoutes: routes,
    botFrameworkRoutes: botConnector ? botFrameworkRoutes({ connector: botConnector, logger, now: ctx.now, accept }) : undefined,
    simulatorRoutes: simulator ? simulatorRoutes(simulator, config.publicBaseUrl) : undefined,
    turnRunner,
    outbox,
    media,
    async sendToConversation(conversationId, text) {
      const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { channelIdentity: true } });
      const adapter = adapterFor(conversation.channel);
      if (!adapter) throw new Error(`no adapter for the ${conversation.channel} channel`);
      const reference = conversationReferenceFor(adapter.channel, conversationId, conversation.channelIdentity.address);
      await adapter.continueConversationAsync('', reference, async (context) => {
        await context.sendActivity(text);
      });
    },
    async showTypingToResident(conversationId, typing) {
      await residentTyping?.(conversationId, typing, 'staff');
    },
    async sendStaffReply(conversationId, text, staffUserId) {
      const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { channelIdentity: true } });
      const adapter = adapterFor(conversation.channel);
      if (!adapter) throw new AppError(AppErrorCode.Unavailable, `Replies cannot be sent: the ${conversation.channel} channel is not configured on this server.`);
      return adapter.sendStaffReply({ conversationId, address: conversation.channelIdentity.address, text, staffUserId });
    },
    async start(serverUrl) {
      simulator?.attach(serverUrl);
      outbox?.start();
      await turnRunner.resumePending();
    },
    async close() {
      await turnRunner.close();
      await outbox?.stop();
      await simulator?.close();
    },
  };
}
