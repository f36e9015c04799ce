// Security headers (helmet) for every response. One difference by path: the resident chat page
// (/chat) may be shown in a frame by the landlord's own sites (WEBCHAT_EMBED_ORIGINS, the embed
// snippet) and nothing else may frame it; every other page, the staff console above all, stays
// unframeable by other sites (clickjacking). The snippet itself (/chat/embed.js) is a script those
// sites load, so it alone may be read cross-origin.
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Config } from '../config/config.ts';

export const CHAT_EMBED_SCRIPT = '/chat/embed.js';
const CHAT_PAGE = /^\/chat(\/|$)/;

const helmetOptions = (config: Config, frameAncestors: string[]) => ({
  contentSecurityPolicy: {
    directives: {
      // socket.io falls back to long-polling on the same origin; websockets need ws(s):.
      'connect-src': ["'self'", 'ws:', 'wss:'],
      'img-src': ["'self'", 'data:'],
      'frame-ancestors': frameAncestors,
      'upgrade-insecure-requests': config.env === 'production' ? [] : null,
    },
  },
  strictTransportSecurity: config.env === 'production',
});

export function securityHeaders(config: Config): RequestHandler {
  const options = (frameAncestors: string[]) => helmetOptions(config, frameAncestors);
  const embedOrigins = config.webChat.embedOrigins;
  const everywhere = helmet(options(["'self'"]));
  // X-Frame-Options cannot list origins, so where other sites may frame the chat, CSP
  // frame-ancestors alone decides (browsers that know it ignore X-Frame-Options anyway).
  const chatPage = embedOrigins.length ? helmet({ ...options(["'self'", ...embedOrigins]), xFrameOptions: false }) : everywhere;
  const embedScript = helmet({ ...options(["'self'"]), crossOriginResourcePolicy: { policy: 'cross-origin' } });
  return (req, res, next) => {
    if (req.path === CHAT_EMBED_SCRIPT) return embedScript(req, res, next);
    if (CHAT_PAGE.test(req.path)) return chatPage(req, res, next);
    return everywhere(req, res, next);
  };
}

/** For socket.io's own responses (long-polling, the websocket upgrade), which never reach express. */
export function socketSecurityHeaders(config: Config) {
  return helmet(helmetOptions(config, ["'self'"]));
}
