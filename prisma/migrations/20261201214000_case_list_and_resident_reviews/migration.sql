-- Trigram indexes for the case list search (name, part of a phone number, part of a reference).
-- pg_trgm ships with the PostgreSQL contrib modules and with PGlite (loaded whenever PGlite is
-- opened, see prisma/src/pgliteExtensions.ts). It is a trusted extension, so the database owner
-- may create it. (No semicolons or quotes in these comments: Prisma splits scripts on them.)
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "ReasonableAdjustment" ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "endedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "ContactRestriction" ADD COLUMN     "reviewedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Resident_fullName_trgm_idx" ON "Resident" USING GIN ("fullName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Resident_preferredName_trgm_idx" ON "Resident" USING GIN ("preferredName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "ChannelIdentity_address_idx" ON "ChannelIdentity"("address");

-- CreateIndex
CREATE INDEX "ChannelIdentity_address_trgm_idx" ON "ChannelIdentity" USING GIN ("address" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Complaint_currentDueOn_receivedAt_id_idx" ON "Complaint"("currentDueOn", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Complaint_receivedAt_id_idx" ON "Complaint"("receivedAt", "id");

-- CreateIndex
CREATE INDEX "Complaint_status_currentDueOn_receivedAt_id_idx" ON "Complaint"("status", "currentDueOn", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Complaint_status_receivedAt_id_idx" ON "Complaint"("status", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Complaint_reference_trgm_idx" ON "Complaint" USING GIN ("reference" gin_trgm_ops);

