// The phone simulator's API (development only; mounted at /simulator beside the page). Sending
// goes through the simulated Twilio, which signs the form and POSTs it to the server's own
// /twilio/sms or /twilio/whatsapp, so the whole real path runs. The thread streams live as
// server-sent events.
import express, { type Router } from 'express';
import { AppError, AppErrorCode } from '../../http/appError.ts';
import { requireSameOrigin } from '../../http/sameOrigin.ts';
import { ZSimulatorSendSchema, ZSimulatorThreadParamsSchema, type TSimulatedThread } from '../../schemas/index.ts';
import type { SimulatedTwilio } from './simulatedTwilio.ts';

export function simulatorRoutes(simulator: SimulatedTwilio, publicBaseUrl: string | undefined): Router {
  const router = express.Router();
  router.use('/api', express.json({ limit: '16kb' }), requireSameOrigin(publicBaseUrl));

  router.post('/api/messages', async (req, res) => {
    const input = ZSimulatorSendSchema.parse(req.body);
    const message = await simulator.sendFromPhone(input);
    res.status(201).json({ message });
  });

  router.get('/api/thread', (req, res) => {
    const { channel, phone } = ZSimulatorThreadParamsSchema.parse(req.query);
    res.json({ thread: simulator.phones.thread(channel, phone) });
  });

  router.get('/api/events', (req, res) => {
    const { channel, phone } = ZSimulatorThreadParamsSchema.parse(req.query);
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    const send = (thread: TSimulatedThread) => res.write(`event: thread\ndata: ${JSON.stringify(thread)}\n\n`);
    // A comment line now and then keeps proxies from closing a quiet stream.
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    const stop = simulator.phones.watch(channel, phone, { update: send, end: () => res.end() });
    send(simulator.phones.thread(channel, phone));
    res.on('close', () => {
      clearInterval(keepAlive);
      stop();
    });
  });
  router.use('/api', (req, _res, next) => next(new AppError(AppErrorCode.NotFound, `There is no phone simulator endpoint ${req.method} ${req.originalUrl}.`)));
  return router;
}
