// Opt-out keywords. On SMS Twilio answers STOP/START/HELP itself and blocks sends to opted-out
// numbers, so the bot only mirrors the state; on WhatsApp nobody does it for us. The lists are
// deliberately short: words like YES or CANCEL are answers inside the conversation.
export type ChannelKeyword = 'stop' | 'start' | 'help';

const KEYWORDS: Record<'sms' | 'whatsapp', Record<string, ChannelKeyword>> = {
  // Twilio's default SMS opt-out words (YES is left to the conversation: it answers the offer).
  sms: { stop: 'stop', stopall: 'stop', unsubscribe: 'stop', cancel: 'stop', end: 'stop', quit: 'stop', start: 'start', unstop: 'start', help: 'help', info: 'help' },
  whatsapp: { stop: 'stop', stopall: 'stop', unsubscribe: 'stop', start: 'start', unstop: 'start', help: 'help' },
};

export function channelKeyword(channel: 'sms' | 'whatsapp', text: string): ChannelKeyword | null {
  const word = text.trim().toLowerCase().replace(/[.!]+$/, '');
  return KEYWORDS[channel][word] ?? null;
}

/** The replies a WhatsApp resident gets; SMS residents get Twilio's own. */
export const WHATSAPP_KEYWORD_REPLIES = {
  start: 'You will get messages from us on WhatsApp again. Tell me what you need, or reply AGENT to talk to a person.',
  help: 'This is your landlord\'s automated assistant. Reply AGENT to talk to a person, STOP to stop WhatsApp messages from us, START to get them again.',
} as const;
