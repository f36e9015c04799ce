-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "StaffRole" AS ENUM ('agent', 'handler', 'reviewer', 'complaints_officer', 'admin');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('sms', 'whatsapp', 'webchat', 'botframework', 'phone', 'letter', 'email', 'in_person');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "MessageAuthor" AS ENUM ('resident', 'representative', 'bot', 'staff', 'system');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'undelivered', 'suppressed');

-- CreateEnum
CREATE TYPE "ConversationState" AS ENUM ('bot', 'awaiting_staff', 'with_staff', 'closed');

-- CreateEnum
CREATE TYPE "Stage" AS ENUM ('stage_1', 'stage_2');

-- CreateEnum
CREATE TYPE "ComplaintStatus" AS ENUM ('received', 'acknowledged', 'responded', 'refused', 'closed');

-- CreateEnum
CREATE TYPE "Decision" AS ENUM ('upheld', 'partly_upheld', 'not_upheld');

-- CreateEnum
CREATE TYPE "RefusalReason" AS ENUM ('over_12_months', 'legal_proceedings', 'previously_considered', 'other');

-- CreateEnum
CREATE TYPE "ConsentStatus" AS ENUM ('given', 'to_be_verified', 'refused', 'withdrawn');

-- CreateEnum
CREATE TYPE "ConsentMethod" AS ENUM ('written', 'verbal', 'recorded_call', 'digital', 'legal_authority', 'not_recorded');

-- CreateEnum
CREATE TYPE "AdjustmentKind" AS ENUM ('large_print', 'language', 'text_only', 'call_times', 'support_worker', 'easy_read', 'braille', 'audio', 'sign_language', 'other');

-- CreateEnum
CREATE TYPE "AdjustmentStatus" AS ENUM ('requested', 'agreed', 'declined', 'ended');

-- CreateEnum
CREATE TYPE "DisclosureKind" AS ENUM ('disability', 'vulnerability');

-- CreateEnum
CREATE TYPE "ServiceRequestStatus" AS ENUM ('open', 'in_progress', 'completed', 'cancelled');

-- CreateEnum
CREATE TYPE "LetterKind" AS ENUM ('acknowledgement', 'extension_notice', 'stage_1_response', 'final_response', 'refusal', 'update');

-- CreateEnum
CREATE TYPE "RemedyKind" AS ENUM ('apology', 'acknowledgement', 'explanation', 'action_on_delay', 'reconsidered_decision', 'amended_record', 'financial', 'policy_change', 'other');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'cancelled');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('staff', 'resident', 'bot', 'system');

-- CreateTable
CREATE TABLE "StaffUser" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "StaffUser_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffRoleGrant" (
    "staffUserId" UUID NOT NULL,
    "role" "StaffRole" NOT NULL,
    "grantedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffRoleGrant_pkey" PRIMARY KEY ("staffUserId","role")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "staffUserId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "revokedAt" TIMESTAMPTZ(3),
    "userAgent" TEXT,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffInvitation" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT,
    "roles" "StaffRole"[],
    "invitedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StaffInvitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" UUID NOT NULL,
    "fullName" TEXT,
    "preferredName" TEXT,
    "postcode" TEXT,
    "tenancyReference" TEXT,
    "addressLine" TEXT,
    "email" TEXT,
    "preferredLanguage" TEXT NOT NULL DEFAULT 'en',
    "preferredChannel" "Channel",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "anonymisedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Resident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChannelIdentity" (
    "id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "address" TEXT NOT NULL,
    "residentId" UUID,
    "verifiedAt" TIMESTAMPTZ(3),
    "optedOutAt" TIMESTAMPTZ(3),
    "lastInboundAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChannelIdentity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Representative" (
    "id" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" TEXT NOT NULL,
    "organisation" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "channelIdentityId" UUID,
    "consentStatus" "ConsentStatus" NOT NULL DEFAULT 'to_be_verified',
    "consentMethod" "ConsentMethod" NOT NULL DEFAULT 'not_recorded',
    "consentGivenAt" TIMESTAMPTZ(3),
    "consentEvidence" TEXT,
    "consentRecordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Representative_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReasonableAdjustment" (
    "id" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "kind" "AdjustmentKind" NOT NULL,
    "details" TEXT NOT NULL,
    "status" "AdjustmentStatus" NOT NULL DEFAULT 'requested',
    "agreedAt" TIMESTAMPTZ(3),
    "reviewOn" DATE,
    "recordedBy" "ActorType" NOT NULL DEFAULT 'staff',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReasonableAdjustment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "kind" "DisclosureKind" NOT NULL,
    "description" TEXT NOT NULL,
    "disclosedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source" "Channel",
    "reviewOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Disclosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRestriction" (
    "id" UUID NOT NULL,
    "residentId" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "reviewOn" DATE NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ContactRestriction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conversation" (
    "id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "channelIdentityId" UUID NOT NULL,
    "residentId" UUID,
    "state" "ConversationState" NOT NULL DEFAULT 'bot',
    "urgent" BOOLEAN NOT NULL DEFAULT false,
    "handoffReason" TEXT,
    "handoffRequestedAt" TIMESTAMPTZ(3),
    "claimedById" UUID,
    "claimedAt" TIMESTAMPTZ(3),
    "complaintOfferedAt" TIMESTAMPTZ(3),
    "lastDetectorLabel" TEXT,
    "lastMessageAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Conversation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "seq" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "conversationId" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "author" "MessageAuthor" NOT NULL,
    "staffUserId" UUID,
    "providerMessageId" TEXT,
    "body" TEXT NOT NULL,
    "deliveryStatus" "DeliveryStatus" NOT NULL,
    "deliveryStatusAt" TIMESTAMPTZ(3),
    "deliveryError" TEXT,
    "classification" JSONB,
    "processedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "MessageMedia" (
    "id" UUID NOT NULL,
    "messageSeq" BIGINT NOT NULL,
    "url" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER,

    CONSTRAINT "MessageMedia_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" UUID NOT NULL,
    "messageSeq" BIGINT NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "providerSid" TEXT,
    "payload" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BotState" (
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "eTag" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "BotState_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ServiceRequest" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "residentId" UUID,
    "conversationId" UUID,
    "channel" "Channel" NOT NULL,
    "description" TEXT NOT NULL,
    "status" "ServiceRequestStatus" NOT NULL DEFAULT 'open',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ServiceRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Complaint" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "residentId" UUID NOT NULL,
    "representativeId" UUID,
    "conversationId" UUID,
    "serviceRequestId" UUID,
    "relatedToId" UUID,
    "channel" "Channel" NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "issueStartedOn" DATE,
    "flaggedOverTwelveMonths" BOOLEAN NOT NULL DEFAULT false,
    "summary" TEXT NOT NULL,
    "stage" "Stage" NOT NULL DEFAULT 'stage_1',
    "status" "ComplaintStatus" NOT NULL DEFAULT 'received',
    "currentHandlerId" UUID,
    "currentDueOn" DATE,
    "categoryId" UUID,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Complaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ComplaintStage" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "handlerId" UUID,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "escalationReason" TEXT,
    "understanding" TEXT,
    "outcomesSought" TEXT,
    "inResponsibility" TEXT,
    "outOfResponsibility" TEXT,
    "acknowledgementDueOn" DATE NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "responseDueOn" DATE,
    "respondedAt" TIMESTAMPTZ(3),
    "decision" "Decision",
    "reasons" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ComplaintStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Extension" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "previousDueOn" DATE NOT NULL,
    "newDueOn" DATE NOT NULL,
    "workingDays" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "goodReason" TEXT,
    "updateIntervalDays" INTEGER,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "letterId" UUID,

    CONSTRAINT "Extension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Letter" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "kind" "LetterKind" NOT NULL,
    "stage" "Stage" NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "largePrint" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL DEFAULT 'en',
    "sentVia" "Channel",
    "sentAt" TIMESTAMPTZ(3),
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Letter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Remedy" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "kind" "RemedyKind" NOT NULL,
    "description" TEXT NOT NULL,
    "amountPence" INTEGER,
    "dueOn" DATE NOT NULL,
    "ownerId" UUID,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Remedy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutstandingAction" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "ownerId" UUID,
    "doneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "OutstandingAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Refusal" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "reasonCode" "RefusalReason" NOT NULL,
    "explanation" TEXT NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(3) NOT NULL,
    "notifiedAt" TIMESTAMPTZ(3),
    "letterId" UUID,

    CONSTRAINT "Refusal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseNote" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Category" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Category_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningNote" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "categoryId" UUID,
    "body" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosureDay" (
    "date" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosureDay_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ReferenceCounter" (
    "key" TEXT NOT NULL,
    "lastValue" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReferenceCounter_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorType" "ActorType" NOT NULL,
    "actorStaffId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "complaintId" UUID,
    "conversationId" UUID,
    "residentId" UUID,
    "before" JSONB,
    "after" JSONB,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffUser_email_key" ON "StaffUser"("email");

-- CreateIndex
CREATE INDEX "StaffUser_active_idx" ON "StaffUser"("active");

-- CreateIndex
CREATE INDEX "StaffRoleGrant_role_idx" ON "StaffRoleGrant"("role");

-- CreateIndex
CREATE UNIQUE INDEX "StaffSession_tokenHash_key" ON "StaffSession"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffSession_staffUserId_idx" ON "StaffSession"("staffUserId");

-- CreateIndex
CREATE INDEX "StaffSession_expiresAt_idx" ON "StaffSession"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "StaffInvitation_tokenHash_key" ON "StaffInvitation"("tokenHash");

-- CreateIndex
CREATE INDEX "StaffInvitation_expiresAt_idx" ON "StaffInvitation"("expiresAt");

-- CreateIndex
CREATE INDEX "Resident_postcode_idx" ON "Resident"("postcode");

-- CreateIndex
CREATE INDEX "Resident_tenancyReference_idx" ON "Resident"("tenancyReference");

-- CreateIndex
CREATE INDEX "Resident_fullName_idx" ON "Resident"("fullName");

-- CreateIndex
CREATE INDEX "ChannelIdentity_residentId_idx" ON "ChannelIdentity"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "ChannelIdentity_channel_address_key" ON "ChannelIdentity"("channel", "address");

-- CreateIndex
CREATE INDEX "Representative_residentId_idx" ON "Representative"("residentId");

-- CreateIndex
CREATE INDEX "Representative_consentStatus_idx" ON "Representative"("consentStatus");

-- CreateIndex
CREATE INDEX "ReasonableAdjustment_residentId_idx" ON "ReasonableAdjustment"("residentId");

-- CreateIndex
CREATE INDEX "ReasonableAdjustment_status_reviewOn_idx" ON "ReasonableAdjustment"("status", "reviewOn");

-- CreateIndex
CREATE INDEX "Disclosure_residentId_idx" ON "Disclosure"("residentId");

-- CreateIndex
CREATE INDEX "ContactRestriction_residentId_idx" ON "ContactRestriction"("residentId");

-- CreateIndex
CREATE INDEX "ContactRestriction_reviewOn_idx" ON "ContactRestriction"("reviewOn");

-- CreateIndex
CREATE INDEX "Conversation_state_urgent_handoffRequestedAt_idx" ON "Conversation"("state", "urgent", "handoffRequestedAt");

-- CreateIndex
CREATE INDEX "Conversation_channelIdentityId_idx" ON "Conversation"("channelIdentityId");

-- CreateIndex
CREATE INDEX "Conversation_residentId_idx" ON "Conversation"("residentId");

-- CreateIndex
CREATE INDEX "Conversation_claimedById_idx" ON "Conversation"("claimedById");

-- CreateIndex
CREATE INDEX "Conversation_lastMessageAt_idx" ON "Conversation"("lastMessageAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_id_key" ON "Message"("id");

-- CreateIndex
CREATE UNIQUE INDEX "Message_providerMessageId_key" ON "Message"("providerMessageId");

-- CreateIndex
CREATE INDEX "Message_conversationId_seq_idx" ON "Message"("conversationId", "seq");

-- CreateIndex
CREATE INDEX "Message_direction_processedAt_idx" ON "Message"("direction", "processedAt");

-- CreateIndex
CREATE INDEX "MessageMedia_messageSeq_idx" ON "MessageMedia"("messageSeq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_messageSeq_key" ON "OutboxMessage"("messageSeq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_providerSid_key" ON "OutboxMessage"("providerSid");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceRequest_reference_key" ON "ServiceRequest"("reference");

-- CreateIndex
CREATE INDEX "ServiceRequest_residentId_idx" ON "ServiceRequest"("residentId");

-- CreateIndex
CREATE INDEX "ServiceRequest_status_receivedAt_idx" ON "ServiceRequest"("status", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Complaint_reference_key" ON "Complaint"("reference");

-- CreateIndex
CREATE INDEX "Complaint_status_stage_idx" ON "Complaint"("status", "stage");

-- CreateIndex
CREATE INDEX "Complaint_currentHandlerId_idx" ON "Complaint"("currentHandlerId");

-- CreateIndex
CREATE INDEX "Complaint_currentDueOn_idx" ON "Complaint"("currentDueOn");

-- CreateIndex
CREATE INDEX "Complaint_categoryId_idx" ON "Complaint"("categoryId");

-- CreateIndex
CREATE INDEX "Complaint_receivedAt_idx" ON "Complaint"("receivedAt");

-- CreateIndex
CREATE INDEX "Complaint_residentId_idx" ON "Complaint"("residentId");

-- CreateIndex
CREATE INDEX "Complaint_channel_idx" ON "Complaint"("channel");

-- CreateIndex
CREATE INDEX "ComplaintStage_handlerId_idx" ON "ComplaintStage"("handlerId");

-- CreateIndex
CREATE UNIQUE INDEX "ComplaintStage_complaintId_stage_key" ON "ComplaintStage"("complaintId", "stage");

-- CreateIndex
CREATE UNIQUE INDEX "Extension_letterId_key" ON "Extension"("letterId");

-- CreateIndex
CREATE INDEX "Extension_complaintId_idx" ON "Extension"("complaintId");

-- CreateIndex
CREATE INDEX "Letter_complaintId_createdAt_idx" ON "Letter"("complaintId", "createdAt");

-- CreateIndex
CREATE INDEX "Remedy_complaintId_idx" ON "Remedy"("complaintId");

-- CreateIndex
CREATE INDEX "Remedy_doneAt_dueOn_idx" ON "Remedy"("doneAt", "dueOn");

-- CreateIndex
CREATE INDEX "OutstandingAction_complaintId_idx" ON "OutstandingAction"("complaintId");

-- CreateIndex
CREATE INDEX "OutstandingAction_doneAt_dueOn_idx" ON "OutstandingAction"("doneAt", "dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "Refusal_complaintId_key" ON "Refusal"("complaintId");

-- CreateIndex
CREATE UNIQUE INDEX "Refusal_letterId_key" ON "Refusal"("letterId");

-- CreateIndex
CREATE INDEX "Refusal_reasonCode_idx" ON "Refusal"("reasonCode");

-- CreateIndex
CREATE INDEX "CaseNote_complaintId_createdAt_idx" ON "CaseNote"("complaintId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Category_name_key" ON "Category"("name");

-- CreateIndex
CREATE INDEX "LearningNote_categoryId_createdAt_idx" ON "LearningNote"("categoryId", "createdAt");

-- CreateIndex
CREATE INDEX "LearningNote_complaintId_idx" ON "LearningNote"("complaintId");

-- CreateIndex
CREATE INDEX "AuditEvent_complaintId_id_idx" ON "AuditEvent"("complaintId", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- AddForeignKey
ALTER TABLE "StaffRoleGrant" ADD CONSTRAINT "StaffRoleGrant_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffInvitation" ADD CONSTRAINT "StaffInvitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelIdentity" ADD CONSTRAINT "ChannelIdentity_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_channelIdentityId_fkey" FOREIGN KEY ("channelIdentityId") REFERENCES "ChannelIdentity"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Representative" ADD CONSTRAINT "Representative_consentRecordedById_fkey" FOREIGN KEY ("consentRecordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReasonableAdjustment" ADD CONSTRAINT "ReasonableAdjustment_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Disclosure" ADD CONSTRAINT "Disclosure_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRestriction" ADD CONSTRAINT "ContactRestriction_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRestriction" ADD CONSTRAINT "ContactRestriction_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_channelIdentityId_fkey" FOREIGN KEY ("channelIdentityId") REFERENCES "ChannelIdentity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageMedia" ADD CONSTRAINT "MessageMedia_messageSeq_fkey" FOREIGN KEY ("messageSeq") REFERENCES "Message"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_messageSeq_fkey" FOREIGN KEY ("messageSeq") REFERENCES "Message"("seq") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceRequest" ADD CONSTRAINT "ServiceRequest_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_representativeId_fkey" FOREIGN KEY ("representativeId") REFERENCES "Representative"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_conversationId_fkey" FOREIGN KEY ("conversationId") REFERENCES "Conversation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_serviceRequestId_fkey" FOREIGN KEY ("serviceRequestId") REFERENCES "ServiceRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_relatedToId_fkey" FOREIGN KEY ("relatedToId") REFERENCES "Complaint"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Complaint" ADD CONSTRAINT "Complaint_closedById_fkey" FOREIGN KEY ("closedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintStage" ADD CONSTRAINT "ComplaintStage_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplaintStage" ADD CONSTRAINT "ComplaintStage_handlerId_fkey" FOREIGN KEY ("handlerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Extension" ADD CONSTRAINT "Extension_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Letter" ADD CONSTRAINT "Letter_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remedy" ADD CONSTRAINT "Remedy_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Remedy" ADD CONSTRAINT "Remedy_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutstandingAction" ADD CONSTRAINT "OutstandingAction_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutstandingAction" ADD CONSTRAINT "OutstandingAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refusal" ADD CONSTRAINT "Refusal_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refusal" ADD CONSTRAINT "Refusal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Refusal" ADD CONSTRAINT "Refusal_letterId_fkey" FOREIGN KEY ("letterId") REFERENCES "Letter"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseNote" ADD CONSTRAINT "CaseNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningNote" ADD CONSTRAINT "LearningNote_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningNote" ADD CONSTRAINT "LearningNote_categoryId_fkey" FOREIGN KEY ("categoryId") REFERENCES "Category"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningNote" ADD CONSTRAINT "LearningNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosureDay" ADD CONSTRAINT "ClosureDay_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorStaffId_fkey" FOREIGN KEY ("actorStaffId") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The audit log is append-only (5.12: a full record). UPDATE is allowed only inside a
-- transaction that sets app.audit_redaction = 'on' (retention anonymisation of personal data);
-- DELETE and TRUNCATE are always refused.
-- The migration runner behind @prisma/adapter-pg splits scripts at every semicolon, even inside
-- quotes, so the function body is an E'' string whose semicolons are written \073.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'UPDATE\' AND current_setting(\'app.audit_redaction\', true) = \'on\' THEN
    RETURN NEW\073
  END IF\073
  RAISE EXCEPTION \'AuditEvent is append-only: % refused\', TG_OP\073
END
';

CREATE TRIGGER "AuditEvent_append_only_row" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();
CREATE TRIGGER "AuditEvent_append_only_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
