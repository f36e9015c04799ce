// Rejects any request to /twilio/* that Twilio did not sign. The URL checked is the public one
// (PUBLIC_BASE_URL + the original path and query), never one built from the Host header.
import type { RequestHandler } from 'express';
import { isValidTwilioSignature, type WebhookParams } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';

export function verifyTwilioSignature(authToken: string, publicBaseUrl: string, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const signature = req.get('x-twilio-signature');
    const params = (req.body ?? {}) as WebhookParams;
    if (isValidTwilioSignature(authToken, signature, publicBaseUrl + req.originalUrl, params)) return next();
    // Path only: the body carries the sender's number and message.
    logger.warn({ path: req.path, signed: Boolean(signature) }, 'rejected a Twilio webhook with a missing or wrong signature');
    res.status(403).type('text/plain').send('Forbidden');
  };
}
