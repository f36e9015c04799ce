// The IntakePort over Prisma. Each thing the bot creates writes an AuditEvent (actor 'bot') in
// the same transaction (5.12: a full record, including when the complaint was received). After
// each write the injected event sink hears what changed, so the server can tell staff live. (The
// server runs a whole bot turn in one transaction — each $transaction here is then a savepoint
// in it — and its sink holds the events until the turn commits.) What every turn does — read
// the conversation's state, label the message, note an offer — is plain SQL on `sql`: the server
// gives it the turn transaction's own connection, which costs a fraction of a Prisma query.
import { sqlThroughPrisma, type PrismaClient, type Prisma, type SqlQuery } from '@complaints/db';
import type {
  ComplaintInput,
  ConversationRef,
  ConversationSnapshot,
  IntakeEvent,
  IntakeEventSink,
  IntakePort,
  MessageClassification,
  ResidentDetails,
} from './IntakePort.ts';
import { nextReference, normalisePostcode } from './references.ts';

export interface PrismaIntakeOptions {
  /** 6.2: the working-day calendar lives in the server; it passes the real one. */
  acknowledgementDueOn: (receivedAt: Date) => Date;
  /** Told after each change (never inside its transaction); a failing sink is ignored. */
  onEvent?: IntakeEventSink;
  /** Where the every-turn statements run (looked up per statement); through Prisma when absent. */
  sql?: () => SqlQuery;
  /**
   * Where references are numbered; inside the write's own transaction when absent. The server
   * numbers them on the driver, each in a statement of its own: in a turn's transaction the
   * counter row would stay locked until the turn commits, and in a storm (a heating outage, a
   * service request from every flat) every turn recording one would queue behind the others.
   * A turn that then rolls back leaves a gap in the numbers, never a duplicate.
   */
  references?: SqlQuery;
}

type Tx = Prisma.TransactionClient;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PrismaIntake implements IntakePort {
  private readonly sql: () => SqlQuery;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly options: PrismaIntakeOptions,
  ) {
    this.sql = options.sql ?? (() => sqlThroughPrisma(prisma));
  }

  async getConversationState(ref: ConversationRef): Promise<ConversationSnapshot> {
    const read = () => this.sql()<ConversationSnapshot>(CONVERSATION_STATE, [ref.conversationId]);
    const [snapshot] = await this.whenConversationExists(ref, read);
    return snapshot!;
  }

  async findOrLinkResident(ref: ConversationRef, details: ResidentDetails, options: { asRepresentative?: boolean } = {}) {
    const linked = await this.prisma.$transaction(async (tx) => {
      const conversation = await this.ensureConversation(tx, ref);
      const postcode = details.postcode ? normalisePostcode(details.postcode) : undefined;
      const tenancyRef = details.tenancyRef?.trim().toUpperCase();
      const matches = await tx.resident.findMany({
        where: {
          anonymisedAt: null,
          fullName: { equals: details.name.trim(), mode: 'insensitive' },
          OR: [...(postcode ? [{ postcode }] : []), ...(tenancyRef ? [{ tenancyReference: { equals: tenancyRef, mode: 'insensitive' as const } }] : [])],
        },
        select: { id: true },
        take: 2,
      });
      // Only an unambiguous match is linked; otherwise staff reconcile a new unverified record.
      let residentId = matches.length === 1 ? matches[0]!.id : null;
      if (!residentId) {
        const created = await tx.resident.create({
          data: { fullName: details.name.trim(), postcode: postcode ?? null, tenancyReference: tenancyRef ?? null },
        });
        residentId = created.id;
        await audit(tx, 'resident.created', 'Resident', residentId, { residentId, conversationId: conversation.id });
      }
      if (!options.asRepresentative) {
        await tx.channelIdentity.update({ where: { id: conversation.channelIdentityId }, data: { residentId } });
        await audit(tx, 'channel_identity.linked', 'ChannelIdentity', conversation.channelIdentityId, { residentId, conversationId: conversation.id });
      }
      await tx.conversation.update({ where: { id: conversation.id }, data: { residentId } });
      return { residentId, conversationId: conversation.id };
    });
    this.emit({ type: 'resident_linked', conversationId: linked.conversationId, residentId: linked.residentId });
    return { residentId: linked.residentId };
  }

  async recordServiceRequest(ref: ConversationRef, input: { residentId: string | null; description: string; receivedAt: Date }) {
    const recorded = await this.prisma.$transaction(async (tx) => {
      const conversation = await this.ensureConversation(tx, ref);
      const reference = await nextReference(this.options.references ?? sqlThroughPrisma(tx), 'SR', input.receivedAt);
      const request = await tx.serviceRequest.create({
        data: {
          reference,
          residentId: input.residentId,
          conversationId: conversation.id,
          channel: ref.channel,
          description: input.description,
          receivedAt: input.receivedAt,
        },
      });
      await audit(tx, 'service_request.created', 'ServiceRequest', request.id, {
        residentId: input.residentId,
        conversationId: conversation.id,
        after: { reference, description: input.description },
      });
      return { id: request.id, reference, conversationId: conversation.id };
    });
    this.emit({ type: 'service_request_created', conversationId: recorded.conversationId, serviceRequestId: recorded.id });
    return { id: recorded.id, reference: recorded.reference };
  }

  async recordFeedback(ref: ConversationRef, input: { kind: 'declined_complaint' | 'compliment'; text: string; at: Date }) {
    const answered = await this.prisma.$transaction(async (tx) => {
      const conversation = await this.ensureConversation(tx, ref);
      // The schema has no feedback table: the audit trail keeps it, tied to the conversation.
      await audit(tx, `feedback.${input.kind}`, 'Conversation', conversation.id, {
        residentId: conversation.residentId,
        conversationId: conversation.id,
        after: { text: input.text, at: input.at.toISOString() },
      });
      await tx.conversation.update({ where: { id: conversation.id }, data: { complaintOfferedAt: null } });
      return conversation.complaintOfferedAt ? conversation.id : null;
    });
    // Only a declined offer changes what staff see; a compliment with no offer open does not.
    if (answered) this.emit({ type: 'complaint_offer_answered', conversationId: answered });
  }

  async createComplaint(ref: ConversationRef, input: ComplaintInput) {
    const created = await this.prisma.$transaction(async (tx) => {
      const conversation = await this.ensureConversation(tx, ref);
      const ids = { residentId: input.residentId, conversationId: conversation.id };
      let representativeId: string | null = null;
      if (input.representative) {
        const rep = input.representative;
        const created = await tx.representative.create({
          data: {
            residentId: input.residentId,
            name: rep.name,
            relationship: rep.relationship,
            consentStatus: rep.consentStatus,
            consentMethod: rep.consentMethod,
            consentGivenAt: rep.consentStatus === 'given' ? input.receivedAt : null,
            channelIdentityId: conversation.channelIdentityId,
          },
        });
        representativeId = created.id;
        await audit(tx, 'representative.created', 'Representative', created.id, { ...ids, after: { ...rep } });
      }
      for (const adjustment of input.adjustments) {
        const row = await tx.reasonableAdjustment.create({
          data: { residentId: input.residentId, kind: adjustment.kind, details: adjustment.details, recordedBy: 'bot' },
        });
        await audit(tx, 'adjustment.requested', 'ReasonableAdjustment', row.id, { ...ids, after: { ...adjustment } });
      }
      for (const disclosure of input.disclosures) {
        const row = await tx.disclosure.create({
          data: { residentId: input.residentId, kind: disclosure.kind, description: disclosure.description, source: ref.channel, disclosedAt: input.receivedAt },
        });
        await audit(tx, 'disclosure.recorded', 'Disclosure', row.id, { ...ids, after: { kind: disclosure.kind } });
      }
      await tx.resident.update({
        where: { id: input.residentId },
        data: { preferredLanguage: input.language, ...(input.preferredChannel ? { preferredChannel: input.preferredChannel } : {}) },
      });
      const reference = await nextReference(this.options.references ?? sqlThroughPrisma(tx), 'CMP', input.receivedAt);
      const acknowledgementDueOn = this.options.acknowledgementDueOn(input.receivedAt);
      const complaint = await tx.complaint.create({
        data: {
          reference,
          residentId: input.residentId,
          representativeId,
          conversationId: conversation.id,
          serviceRequestId: input.serviceRequestId ?? null,
          channel: ref.channel,
          receivedAt: input.receivedAt,
          issueStartedOn: input.startedOn,
          flaggedOverTwelveMonths: input.flaggedOverTwelveMonths,
          summary: input.summary,
          currentDueOn: acknowledgementDueOn,
          stages: {
            create: { stage: 'stage_1', startedAt: input.receivedAt, outcomesSought: input.outcomesSought, acknowledgementDueOn },
          },
        },
      });
      await audit(tx, 'complaint.created', 'Complaint', complaint.id, {
        ...ids,
        complaintId: complaint.id,
        after: { reference, receivedAt: input.receivedAt.toISOString(), flaggedOverTwelveMonths: input.flaggedOverTwelveMonths },
      });
      await tx.conversation.update({ where: { id: conversation.id }, data: { complaintOfferedAt: null, residentId: input.residentId } });
      return { reference, complaintId: complaint.id, conversationId: conversation.id };
    });
    this.emit({ type: 'complaint_created', conversationId: created.conversationId, complaintId: created.complaintId });
    return { reference: created.reference };
  }

  async requestHandoff(ref: ConversationRef, input: { urgent: boolean; reason: string; at: Date }) {
    const conversationId = await this.prisma.$transaction(async (tx) => {
      const conversation = await this.ensureConversation(tx, ref);
      // A safety case already queued stays urgent even if a later request is routine.
      const urgent = input.urgent || (conversation.state === 'awaiting_staff' && conversation.urgent);
      await tx.conversation.update({
        where: { id: conversation.id },
        data: { state: 'awaiting_staff', urgent, handoffReason: input.reason, handoffRequestedAt: input.at, version: { increment: 1 } },
      });
      await audit(tx, 'conversation.handoff_requested', 'Conversation', conversation.id, {
        residentId: conversation.residentId,
        conversationId: conversation.id,
        before: { state: conversation.state },
        after: { state: 'awaiting_staff', urgent, reason: input.reason },
      });
      return conversation.id;
    });
    this.emit({ type: 'handoff_requested', conversationId });
  }

  async markComplaintOffered(ref: ConversationRef, input: { at: Date; label: string }) {
    await this.whenConversationExists(ref, () =>
      this.sql()(`UPDATE "Conversation" SET "complaintOfferedAt" = $2, "lastDetectorLabel" = $3, "updatedAt" = now() WHERE "id" = $1::uuid RETURNING "id"`, [ref.conversationId, input.at, input.label]),
    );
    this.emit({ type: 'complaint_offered', conversationId: ref.conversationId });
  }

  async clearComplaintOffered(ref: ConversationRef) {
    await this.whenConversationExists(ref, () => this.sql()(`UPDATE "Conversation" SET "complaintOfferedAt" = NULL, "updatedAt" = now() WHERE "id" = $1::uuid RETURNING "id"`, [ref.conversationId]));
    this.emit({ type: 'complaint_offer_answered', conversationId: ref.conversationId });
  }

  async recordClassification(ref: ConversationRef, input: { messageId: string; classification: MessageClassification }) {
    if (!UUID.test(input.messageId) || !UUID.test(ref.conversationId)) return;
    const { label, confidence, reasons } = input.classification;
    // Scoped to the conversation and to inbound rows: a turn can only label its own message.
    await this.sql()(`UPDATE "Message" SET "classification" = $3::jsonb WHERE "id" = $1::uuid AND "conversationId" = $2::uuid AND "direction" = 'inbound'`, [
      input.messageId,
      ref.conversationId,
      JSON.stringify({ label, confidence, reasons }),
    ]);
  }

  /** Runs `statement` on the conversation's row; creates the conversation first when it finds none. */
  private async whenConversationExists<Row>(ref: ConversationRef, statement: () => Promise<Row[]>): Promise<Row[]> {
    if (!UUID.test(ref.conversationId)) throw new Error(`Conversation id must be a UUID: ${ref.conversationId}`);
    const rows = await statement();
    if (rows.length > 0) return rows;
    await this.ensureConversation(this.prisma, ref);
    return statement();
  }

  private emit(event: IntakeEvent): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // Deliberately ignored: telling staff must never undo or fail what the resident was told.
    }
  }

  /** The channel normally creates the conversation; a conversation the bot meets first is created here. */
  private async ensureConversation(db: Tx | PrismaClient, ref: ConversationRef) {
    if (!UUID.test(ref.conversationId)) throw new Error(`Conversation id must be a UUID: ${ref.conversationId}`);
    const existing = await db.conversation.findUnique({ where: { id: ref.conversationId }, include: { channelIdentity: true } });
    if (existing) return existing;
    const identity = await db.channelIdentity.upsert({
      where: { channel_address: { channel: ref.channel, address: ref.address } },
      create: { channel: ref.channel, address: ref.address },
      update: {},
    });
    return db.conversation.create({
      data: { id: ref.conversationId, channel: ref.channel, channelIdentityId: identity.id, residentId: identity.residentId },
      include: { channelIdentity: true },
    });
  }
}

// The resident is the conversation's, or else the one its number is linked to.
const CONVERSATION_STATE = `
  SELECT c."state"::text AS "state", COALESCE(c."residentId", i."residentId") AS "residentId",
    (SELECT json_build_object('id', r."id", 'reference', r."reference") FROM "ServiceRequest" r
     WHERE r."residentId" = COALESCE(c."residentId", i."residentId") AND r."status"::text IN ('open', 'in_progress')
     ORDER BY r."receivedAt" DESC LIMIT 1) AS "openServiceRequest"
  FROM "Conversation" c JOIN "ChannelIdentity" i ON i."id" = c."channelIdentityId"
  WHERE c."id" = $1::uuid`;

async function audit(
  tx: Tx,
  action: string,
  entityType: string,
  entityId: string,
  extra: { residentId?: string | null; conversationId?: string; complaintId?: string; before?: Prisma.InputJsonValue; after?: Prisma.InputJsonValue },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorType: 'bot',
      action,
      entityType,
      entityId,
      residentId: extra.residentId ?? null,
      conversationId: extra.conversationId ?? null,
      complaintId: extra.complaintId ?? null,
      ...(extra.before ? { before: extra.before } : {}),
      ...(extra.after ? { after: extra.after } : {}),
    },
  });
}
