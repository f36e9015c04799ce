// The bot package's public surface: the dissatisfaction detector, the conversation (bot and
// dialogs), its storage, turn serialiser, message catalogue and the intake port.
export { classify } from './detector/index.ts';
export type { Classification, Label } from './detector/index.ts';
export { ComplaintsBot } from './bots/ComplaintsBot.ts';
export type { ComplaintsBotOptions } from './bots/ComplaintsBot.ts';
export { PrismaStorage, ETagConflictError } from './storage/PrismaStorage.ts';
export { createTurnSerialiser } from './turns/serialiseTurns.ts';
export type { TurnSerialiser } from './turns/serialiseTurns.ts';
export { createMessages } from './messages/catalogue.ts';
export type { Messages, Resources } from './messages/catalogue.ts';
export { detectSafetyCue } from './safety/safeguarding.ts';
export type { SafetyCue } from './safety/safeguarding.ts';
export { PrismaIntake } from './intake/PrismaIntake.ts';
export type { PrismaIntakeOptions } from './intake/PrismaIntake.ts';
export type * from './intake/IntakePort.ts';
export { normalisePostcode } from './intake/references.ts';
// Channels: the Twilio adapters, the sender the outbox worker uses, and the pure channel rules.
export type { InboundMedia, OutboundQueue, OutboundText, StoredInbound } from './channels/ChannelPorts.ts';
export { TwilioChannelAdapter, conversationReferenceFor } from './channels/twilio/TwilioChannelAdapter.ts';
export type { TwilioChannel } from './channels/twilio/TwilioChannelAdapter.ts';
export { WebChatAdapter } from './channels/webchat/WebChatAdapter.ts';
export type { WebChatDelivery, WebChatPush } from './channels/webchat/WebChatAdapter.ts';
export { TwilioSmsAdapter } from './channels/twilio/TwilioSmsAdapter.ts';
export { TwilioWhatsAppAdapter } from './channels/twilio/TwilioWhatsAppAdapter.ts';
export { createTwilioSender } from './channels/twilio/TwilioSender.ts';
export type { MessageSender, OutboundSend, SendOutcome, TwilioHttpClient, TwilioSenderOptions } from './channels/twilio/TwilioSender.ts';
export { createTwilioMediaSource, isAccountMediaUrl } from './channels/twilio/TwilioMedia.ts';
export type { MediaFetch, MediaOpenOutcome, MediaSource, OpenedMedia, TwilioMediaOptions } from './channels/twilio/TwilioMedia.ts';
export { isValidTwilioSignature, signTwilioWebhook } from './channels/twilio/signatures.ts';
export type { WebhookParams } from './channels/twilio/signatures.ts';
export { createFakeTwilioHttpClient } from './channels/twilio/fakeTwilioHttpClient.ts';
export type { FakeTwilioHttpClient, RecordedTwilioRequest, ScriptedResponse } from './channels/twilio/fakeTwilioHttpClient.ts';
export { countSegments, fitsInSegments, smsEncoding, splitForSms, splitMessage } from './channels/segments.ts';
export type { SegmentCount, SmsEncoding } from './channels/segments.ts';
export { isWithinWhatsAppWindow, whatsAppDelivery, WHATSAPP_WINDOW_MS } from './channels/whatsappWindow.ts';
export type { WhatsAppTemplate } from './channels/whatsappWindow.ts';
export { channelKeyword, WHATSAPP_KEYWORD_REPLIES } from './channels/keywords.ts';
export type { ChannelKeyword } from './channels/keywords.ts';
// The Bot Framework endpoint: botbuilder's CloudAdapter for JWT validation and the connector,
// and the channel adapter that runs turns from stored messages.
export type { ConnectorOutbox } from './channels/ChannelPorts.ts';
export { BotConnector, credentialsFactoryFor, describeConnectorFailure } from './channels/botframework/BotConnector.ts';
export type { BotConnectorSeams, BotFrameworkSettings, ReceiveOutcome } from './channels/botframework/BotConnector.ts';
export { BotFrameworkChannelAdapter } from './channels/botframework/BotFrameworkChannelAdapter.ts';
export type { BotFrameworkInbound } from './channels/botframework/inboundActivity.ts';
export { FAKE_OUTBOUND_TOKEN, FixedTokenCredentialsFactory, startFakeBotConnector } from './channels/botframework/fakeBotConnector.ts';
export type { FakeBotConnector, RecordedReply } from './channels/botframework/fakeBotConnector.ts';
