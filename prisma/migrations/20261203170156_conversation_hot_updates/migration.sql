-- DropIndex
DROP INDEX "Conversation_lastMessageAt_idx";

-- Every inbound message updates its conversation (lastMessageAt) and its channel identity
-- (lastInboundAt). With no index on those columns and room left on each page, PostgreSQL can
-- make those updates heap-only (HOT): no new entry in each of the table's indexes per message,
-- which is most of the cost of the one statement that stores a webhook in a storm.
ALTER TABLE "Conversation" SET (fillfactor = 70);
ALTER TABLE "ChannelIdentity" SET (fillfactor = 70);
