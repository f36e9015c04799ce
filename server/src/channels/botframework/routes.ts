// POST /api/messages: Azure Bot Service (Teams, Direct Line) posts activities here. The request
// is authenticated by the channel's JWT (BotConnector.receive, the SDK's validation), the message
// stored first and answered 200 at once; the bot's turn runs afterwards (turnRunner) and its
// replies go out through the Bot Connector (BotFrameworkChannelAdapter).
import express, { type Request, type Response, type Router } from 'express';
import type { BotConnector } from '@complaints/bot';
import type { Logger } from '../../config/logger.ts';
import { AppError, AppErrorCode } from '../../http/appError.ts';
import type { AcceptedInbound, InboundInput } from '../inbound/acceptInboundMessage.ts';

export interface BotFrameworkRouteDeps {
  connector: Pick<BotConnector, 'receive'>;
  logger: Logger;
  now: () => Date;
  accept(input: InboundInput): Promise<AcceptedInbound>;
}

export function botFrameworkRoutes(deps: BotFrameworkRouteDeps): Router {
  const router = express.Router();
  router.post('/', express.json({ limit: '256kb' }), async (req: Request, res: Response) => {
    const outcome = await deps.connector.receive(req.body, req.get('authorization'));
    if (outcome.kind === 'rejected') {
      // The reason names the failed check (issuer, audience, serviceUrl...), never the activity.
      deps.logger.warn({ status: outcome.status, reason: outcome.reason }, 'rejected a Bot Framework request');
      if (outcome.status === 401) throw new AppError(AppErrorCode.Unauthenticated, 'This request is not signed by a Bot Framework channel for this bot.');
      if (outcome.status === 400) throw new AppError(AppErrorCode.InvalidRequest, `Not a Bot Framework activity we can read: ${outcome.reason}.`);
      // The channel's signing keys could not be loaded: the channel retries later.
      throw new AppError(AppErrorCode.Unavailable, 'Cannot check Bot Framework signatures just now; try again.');
    }
    if (outcome.kind === 'ignored') {
      deps.logger.debug({ type: outcome.type }, 'Bot Framework activity not stored');
      res.status(200).end();
      return;
    }
    const { message } = outcome;
    const accepted = await deps.accept({
      channel: 'botframework',
      address: message.address,
      providerMessageId: message.providerMessageId,
      body: message.body,
      media: message.media,
      receivedAt: deps.now(),
      conversationReference: message.conversationReference as InboundInput['conversationReference'],
    });
    deps.logger.info({ channel: 'botframework', messageId: accepted.messageId, duplicate: accepted.duplicate }, 'inbound message stored');
    res.status(200).end();
  });
  return router;
}
