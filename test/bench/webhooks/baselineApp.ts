// The baseline: a bare express app whose one handler parses the same form body and does one
// INSERT of the same Message-shaped row, then answers 200 with the same empty TwiML. Same Node,
// same database, same driver and pool settings as the product (node-postgres Pool with its
// defaults, as @prisma/adapter-pg creates it; or one PGlite in process).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import express from 'express';
import pg from 'pg';

const conversationId = process.env.BENCH_CONVERSATION_ID!;
const insertSql = `INSERT INTO "Message" ("id", "conversationId", "channel", "direction", "author", "providerMessageId", "body", "deliveryStatus", "deliveryStatusAt", "createdAt")
  VALUES ($1, $2, 'sms', 'inbound', 'resident', $3, $4, 'received', $5, $5)`;

let insert: (params: unknown[]) => Promise<unknown>;
let close: () => Promise<void>;
if (process.env.DATABASE_URL) {
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
  insert = (params) => pool.query(insertSql, params);
  close = () => pool.end();
} else {
  const db = await PGlite.create({ dataDir: process.env.BENCH_PGLITE_DIR! });
  insert = (params) => db.query(insertSql, params);
  close = () => db.close();
}

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
const app = express();
app.post('/twilio/sms', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
  const body = req.body as Record<string, string>;
  await insert([randomUUID(), conversationId, body.MessageSid, body.Body, new Date()]);
  res.type('text/xml').send(EMPTY_TWIML);
});

const server = app.listen(0, '127.0.0.1', () => {
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
// CPU time, so the parent can report cost per request (robust to other load on the machine).
process.on('message', (request: { id: number; type: 'cpu' }) => {
  const { user, system } = process.cpuUsage();
  process.send?.({ id: request.id, type: 'cpu', cpuMicros: user + system });
});
const stop = () => {
  server.close();
  server.closeAllConnections();
  void close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
