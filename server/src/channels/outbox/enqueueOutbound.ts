// The OutboundQueue the adapters write to: the outbound Message and its OutboxMessage are created
// in one statement, so a reply is either fully queued or not at all. Whether it may be sent at
// all is decided here, where the identity is read: an opted-out resident's messages are kept as
// suppressed (and staff told), and a WhatsApp message outside the 24-hour window goes by template.
// The worker judges both again when it sends (outboxWorker.ts).
import { randomUUID } from 'node:crypto';
import type { Prisma, SqlQuery } from '@complaints/db';
import { whatsAppDelivery, type OutboundQueue, type OutboundText } from '@complaints/bot';
import type { Broadcaster } from '../../realtime/broadcaster.ts';
import { publishConversationMessage, type StoredMessage } from '../../conversations/messageEvents.ts';
import { messageDeliveryChanged } from './outboxEvents.ts';

export interface OutboundQueueDeps {
  /** Where the statements run: inside a bot turn its transaction (turnScope.turnSql), else the driver. */
  sql: () => SqlQuery;
  broadcaster: Broadcaster;
  now: () => Date;
  whatsappTemplateSid: string | undefined;
  /** Called once the row is stored (the runtime defers it past a turn's commit) so the worker sends at once. */
  onQueued: () => void;
}

/** The message staff see on a WhatsApp message that could not go (here, or at send time in the worker). */
export const WHATSAPP_WINDOW_CLOSED = 'outside the WhatsApp 24-hour window and no TWILIO_WHATSAPP_TEMPLATE_SID is configured';

export function createOutboundQueue(deps: OutboundQueueDeps): OutboundQueue {
  return {
    async enqueue(text: OutboundText) {
      const now = deps.now();
      // Inside a bot turn this is the turn's transaction, and turns of one conversation run one at
      // a time across processes; the worker checks the opt-out again before it sends.
      const sql = deps.sql();
      const [identity] = await sql<{ optedOutAt: Date | null; lastInboundAt: Date | null }>(
        `SELECT "optedOutAt", "lastInboundAt" FROM "ChannelIdentity" WHERE "channel" = $1::"Channel" AND "address" = $2`,
        [text.channel, text.address],
      );
      let outcome: 'queued' | 'suppressed' | 'failed' = identity?.optedOutAt ? 'suppressed' : 'queued';
      let payload: Prisma.InputJsonValue | undefined;
      if (outcome === 'queued' && text.channel === 'whatsapp') {
        const delivery = whatsAppDelivery({ body: text.body, lastInboundAt: identity?.lastInboundAt ?? null, now, templateSid: deps.whatsappTemplateSid });
        if (delivery.kind === 'template') payload = { template: { contentSid: delivery.template.contentSid, variables: delivery.template.variables } };
        if (delivery.kind === 'no_template') outcome = 'failed';
      }
      const error = outcome === 'failed' ? WHATSAPP_WINDOW_CLOSED : null;
      const outboxStatus = outcome === 'queued' ? 'pending' : outcome === 'suppressed' ? 'cancelled' : 'failed';
      const [row] = await sql<Omit<StoredMessage, 'media' | 'seq'> & { seq: string | bigint }>(QUEUE_MESSAGE, [
        randomUUID(),
        text.conversationId,
        text.channel,
        text.staffUserId ? 'staff' : 'bot',
        text.staffUserId ?? null,
        text.body,
        outcome,
        now,
        error,
        randomUUID(),
        outboxStatus,
        payload === undefined ? null : JSON.stringify(payload),
      ]);
      // node-postgres gives int8 as a string, PGlite as a bigint.
      const created: StoredMessage = { ...row!, seq: BigInt(row!.seq), media: [] };
      publishConversationMessage(deps.broadcaster, created);
      const ref = { messageId: created.id, conversationId: text.conversationId, channel: text.channel };
      if (created.deliveryStatus === 'queued') deps.onQueued();
      else messageDeliveryChanged(deps.broadcaster, ref, created.deliveryStatus, created.deliveryStatus === 'suppressed' ? 'opted_out' : 'whatsapp_window_closed');
      return { messageId: created.id };
    },
  };
}

// Both rows in one statement (so both or neither), one round trip: this runs for every reply.
// $1 message id, $2 conversation, $3 channel, $4 author, $5 staff user, $6 body, $7 delivery status,
// $8 now, $9 error, $10 outbox id, $11 outbox status, $12 payload.
const QUEUE_MESSAGE = `
  WITH message AS (
    INSERT INTO "Message" ("id", "conversationId", "channel", "direction", "author", "staffUserId", "body", "deliveryStatus", "deliveryStatusAt", "deliveryError")
    VALUES ($1::uuid, $2::uuid, $3::"Channel", 'outbound', $4::"MessageAuthor", $5::uuid, $6, $7::"DeliveryStatus", $8, $9)
    RETURNING "id", "seq", "conversationId", "channel"::text, "direction"::text, "author"::text, "staffUserId", "body", "deliveryStatus"::text, "createdAt"
  ), outbox AS (
    INSERT INTO "OutboxMessage" ("id", "messageSeq", "status", "nextAttemptAt", "lastError", "payload", "updatedAt")
    SELECT $10::uuid, message."seq", $11::"OutboxStatus", $8, $9, $12::jsonb, $8
    FROM message
  )
  SELECT * FROM message`;
