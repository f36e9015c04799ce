// Anonymous web chat is open to anyone, so it is rate limited twice: new sessions per network
// address (a script cannot mint sessions — and conversations for staff — without end; resuming an
// existing session is never limited) and messages per session (one session cannot flood the
// triage queue). Counted in memory per process, like the sign-in limits; a later issue moves
// the counters to Redis for several processes.
import type { IncomingMessage } from 'node:http';
import { ipKeyGenerator } from 'express-rate-limit';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface WebChatLimitOptions {
  /** New sessions one network address may open per window. */
  newSessionsPerAddress: number;
  newSessionWindowSeconds: number;
  /** Messages one session may send per window. */
  messagesPerSession: number;
  messageWindowSeconds: number;
}

// Generous for a housing office or library sharing one address; far below what a script wants.
export const DEFAULT_WEB_CHAT_LIMITS: WebChatLimitOptions = {
  newSessionsPerAddress: 20,
  newSessionWindowSeconds: 60 * 60,
  messagesPerSession: 20,
  messageWindowSeconds: 60,
};

export const NEW_SESSION_LIMIT_MESSAGE = 'Too many new chats have been started from your network. Please wait a few minutes, then try again.';
export const MESSAGE_LIMIT_MESSAGE = 'You are sending messages very quickly. Please wait a moment. We will send this one for you.';

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterMs: number };

export interface WebChatLimits {
  openSession(address: string): Promise<LimitOutcome>;
  sendMessage(sessionKey: string): Promise<LimitOutcome>;
}

export function createWebChatLimits(options: WebChatLimitOptions = DEFAULT_WEB_CHAT_LIMITS): WebChatLimits {
  const sessions = new RateLimiterMemory({ keyPrefix: 'webchat-session', points: options.newSessionsPerAddress, duration: options.newSessionWindowSeconds });
  const messages = new RateLimiterMemory({ keyPrefix: 'webchat-message', points: options.messagesPerSession, duration: options.messageWindowSeconds });
  return {
    // IPv6 addresses are grouped by /56 (one household's prefix), as for the sign-in limits.
    openSession: (address) => consume(sessions, ipKeyGenerator(address)),
    sendMessage: (sessionKey) => consume(messages, sessionKey),
  };
}

async function consume(limiter: RateLimiterMemory, key: string): Promise<LimitOutcome> {
  try {
    await limiter.consume(key);
    return { allowed: true };
  } catch (rejection) {
    // The limiter rejects with its result when the points are used up (a memory store has no other failure).
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMs: Math.max(1000, rejection.msBeforeNext) };
    throw rejection;
  }
}

/**
 * The resident's network address, as express computes req.ip with `trust proxy` set to TRUST_PROXY:
 * behind a proxy the left-most X-Forwarded-For entry, otherwise the socket's peer.
 */
export function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  if (trustProxy && first) return first;
  return request.socket.remoteAddress ?? 'unknown';
}
