// POST /twilio/sms, /twilio/whatsapp and /twilio/status. Inbound messages are stored first and
// answered 200 with empty TwiML at once; the bot's turn runs afterwards (turnRunner) and its
// replies go through the outbox, not the webhook response.
// A status callback is answered 204 whatever it matched: one for a sid not stored yet is kept
// until the outbox stores it (applyDeliveryStatus.ts).
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import type { Logger } from '../../config/logger.ts';
import type { AcceptedInbound, InboundInput } from '../inbound/acceptInboundMessage.ts';
import type { StatusOutcome } from '../outbox/applyDeliveryStatus.ts';
import { parseInbound, parseStatusCallback } from './webhookSchemas.ts';
import { verifyTwilioSignature } from './verifySignature.ts';

export interface TwilioRouteDeps {
  authToken: string;
  publicBaseUrl: string;
  logger: Logger;
  now: () => Date;
  channels: ('sms' | 'whatsapp')[];
  accept(input: InboundInput): Promise<AcceptedInbound>;
  /** Counts each inbound webhook as in flight from its arrival (acknowledgementsFirst). */
  inFlight?: RequestHandler;
  status(input: { providerSid: string; twilioStatus: string; errorCode: string | undefined; at: Date }): Promise<StatusOutcome>;
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function twilioRoutes(deps: TwilioRouteDeps): Router {
  const router = express.Router();
  if (deps.inFlight) router.use(deps.inFlight);
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));
  router.use(verifyTwilioSignature(deps.authToken, deps.publicBaseUrl, deps.logger));

  for (const channel of deps.channels) {
    router.post(`/${channel}`, async (req: Request, res: Response) => {
      const parsed = parseInbound(channel, req.body as Record<string, unknown> | undefined);
      if (!parsed.ok) {
        deps.logger.warn({ channel, problem: parsed.problem }, 'refused a signed Twilio webhook with fields we cannot use');
        res.status(400).type('text/plain').send(`Bad Request: ${parsed.problem}.`);
        return;
      }
      const { normalised, ...inbound } = parsed.inbound;
      const accepted = await deps.accept({ channel, ...inbound, receivedAt: deps.now() });
      // Said once, without the words: the stored text lacks what PostgreSQL cannot hold (README, Security).
      if (normalised) deps.logger.warn({ channel, messageId: accepted.messageId }, 'inbound message stored without null characters or broken surrogates');
      deps.logger.info({ channel, messageId: accepted.messageId, duplicate: accepted.duplicate }, 'inbound message stored');
      // end(), not send(): send() hashes every body for an ETag nobody asks for.
      res.type('text/xml').end(EMPTY_TWIML);
    });
  }

  router.post('/status', async (req: Request, res: Response) => {
    const parsed = parseStatusCallback(req.body as Record<string, unknown> | undefined);
    if (!parsed.ok) {
      deps.logger.warn({ problem: parsed.problem }, 'refused a signed Twilio status callback with fields we cannot use');
      res.status(400).type('text/plain').send(`Bad Request: ${parsed.problem}.`);
      return;
    }
    const outcome = await deps.status({
      providerSid: parsed.status.MessageSid,
      twilioStatus: parsed.status.MessageStatus,
      errorCode: parsed.status.ErrorCode,
      at: deps.now(),
    });
    deps.logger.debug({ outcome, status: parsed.status.MessageStatus }, 'Twilio status callback');
    res.status(204).end();
  });
  return router;
}
