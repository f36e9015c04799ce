// Seed factories: fictional people and cases for tests, benchmarks and demo data. Every name,
// number and address here is invented (Ofcom's drama ranges for phone numbers, example.org
// for email) so fixtures never carry real personal data.
import { randomUUID } from 'node:crypto';
import type { AdjustmentKind, AdjustmentStatus, Channel, PrismaClient, StaffRole, Stage, ComplaintStatus, Decision, RefusalReason, RemedyKind } from './index.ts';

let counter = 0;
const next = () => ++counter;

/** A UK mobile number from Ofcom's range reserved for drama (07700 900000-900999). */
export function fictionalMobile(n = next()): string {
  return `+447700900${String(n % 1000).padStart(3, '0')}`;
}

export async function createStaffUser(
  prisma: PrismaClient,
  overrides: { email?: string; name?: string; roles?: StaffRole[]; passwordHash?: string | null; active?: boolean } = {},
) {
  const n = next();
  return prisma.staffUser.create({
    data: {
      email: overrides.email ?? `staff${n}-${randomUUID().slice(0, 8)}@example.org`,
      name: overrides.name ?? `Staff Member ${n}`,
      passwordHash: overrides.passwordHash ?? null,
      active: overrides.active ?? true,
      roles: { create: (overrides.roles ?? ['handler']).map((role) => ({ role })) },
    },
    include: { roles: true },
  });
}

export async function createResident(
  prisma: PrismaClient,
  overrides: { fullName?: string; preferredName?: string; postcode?: string; phone?: string; channel?: Channel } = {},
) {
  const n = next();
  return prisma.resident.create({
    data: {
      fullName: overrides.fullName ?? `Resident ${n} Testperson`,
      preferredName: overrides.preferredName ?? null,
      postcode: overrides.postcode ?? 'ZZ1 1ZZ',
      tenancyReference: `T${String(100000 + n)}`,
      identities: {
        create: { channel: overrides.channel ?? 'sms', address: overrides.phone ?? fictionalMobile(n) },
      },
    },
    include: { identities: true },
  });
}

export async function createConversation(prisma: PrismaClient, residentId: string, channel: Channel = 'sms') {
  const identity =
    (await prisma.channelIdentity.findFirst({ where: { residentId, channel } })) ??
    (await prisma.channelIdentity.create({ data: { residentId, channel, address: channel === 'webchat' ? randomUUID() : fictionalMobile() } }));
  return prisma.conversation.create({ data: { channel, channelIdentityId: identity.id, residentId } });
}

export async function createComplaint(
  prisma: PrismaClient,
  overrides: {
    residentId: string;
    reference?: string;
    receivedAt?: Date;
    stage?: Stage;
    status?: ComplaintStatus;
    channel?: Channel;
    summary?: string;
    acknowledgementDueOn?: Date;
    handlerId?: string;
    /** The deadline the case is working to now (default: the acknowledgement's); null when none runs. */
    currentDueOn?: Date | null;
    categoryId?: string;
  },
) {
  const n = next();
  const receivedAt = overrides.receivedAt ?? new Date('2026-03-02T10:00:00Z');
  const acknowledgementDueOn = overrides.acknowledgementDueOn ?? new Date('2026-03-09T00:00:00Z');
  return prisma.complaint.create({
    data: {
      reference: overrides.reference ?? `CMP-2026-${String(900000 + n).padStart(6, '0')}`,
      residentId: overrides.residentId,
      channel: overrides.channel ?? 'sms',
      receivedAt,
      summary: overrides.summary ?? 'The repair to the kitchen leak was booked three times and nobody came.',
      stage: overrides.stage ?? 'stage_1',
      status: overrides.status ?? 'received',
      currentDueOn: overrides.currentDueOn === undefined ? acknowledgementDueOn : overrides.currentDueOn,
      currentHandlerId: overrides.handlerId ?? null,
      categoryId: overrides.categoryId ?? null,
      stages: {
        create: { stage: 'stage_1', startedAt: receivedAt, acknowledgementDueOn, handlerId: overrides.handlerId ?? null },
      },
    },
    include: { stages: true },
  });
}

export async function createCategory(prisma: PrismaClient, overrides: { name?: string } = {}) {
  return prisma.category.create({ data: { name: overrides.name ?? `Category ${next()}-${randomUUID().slice(0, 6)}` } });
}

/** 5.10: an adjustment agreed with the resident (e.g. large print), which letters honour. */
export async function createReasonableAdjustment(
  prisma: PrismaClient,
  overrides: { residentId: string; kind?: AdjustmentKind; details?: string; status?: AdjustmentStatus; agreedAt?: Date | null; reviewOn?: Date | null },
) {
  const status = overrides.status ?? 'agreed';
  return prisma.reasonableAdjustment.create({
    data: {
      residentId: overrides.residentId,
      kind: overrides.kind ?? 'large_print',
      details: overrides.details ?? 'Letters in 16pt or larger',
      status,
      agreedAt: overrides.agreedAt !== undefined ? overrides.agreedAt : status === 'agreed' ? new Date('2026-01-05T10:00:00Z') : null,
      reviewOn: overrides.reviewOn ?? null,
    },
  });
}

/** An inbound message as a channel webhook stores it; processedAt null means its turn has not run. */
export async function createInboundMessage(
  prisma: PrismaClient,
  overrides: { conversationId: string; channel?: Channel; body?: string; providerMessageId?: string; processedAt?: Date | null },
) {
  return prisma.message.create({
    data: {
      conversationId: overrides.conversationId,
      channel: overrides.channel ?? 'sms',
      direction: 'inbound',
      author: 'resident',
      body: overrides.body ?? 'hello',
      providerMessageId: overrides.providerMessageId ?? `SM${randomUUID().replace(/-/g, '')}`,
      deliveryStatus: 'received',
      processedAt: overrides.processedAt ?? null,
    },
  });
}

/** 3.6: someone acting for the resident, consent given in writing. */
export async function createRepresentative(prisma: PrismaClient, overrides: { residentId: string; name?: string; relationship?: string }) {
  const n = next();
  return prisma.representative.create({
    data: {
      residentId: overrides.residentId,
      name: overrides.name ?? `Representative ${n} Testperson`,
      relationship: overrides.relationship ?? 'daughter',
      phone: fictionalMobile(n),
      email: `representative${n}@example.org`,
      consentStatus: 'given',
      consentMethod: 'written',
    },
  });
}

export interface CaseHistoryStage {
  stage: Stage;
  startedAt: Date;
  acknowledgementDueOn: Date;
  acknowledgedAt?: Date | null;
  responseDueOn?: Date | null;
  respondedAt?: Date | null;
  decision?: Decision | null;
  understanding?: string | null;
}

/**
 * A complaint with its whole history written directly (stages, extensions, remedies, refusal,
 * closure with learning), for report tests and demo data that need cases spread over a year.
 */
export async function createCaseHistory(
  prisma: PrismaClient,
  input: {
    residentId: string;
    staffId: string;
    reference: string;
    channel: Channel;
    receivedAt: Date;
    status: ComplaintStatus;
    stages: CaseHistoryStage[];
    summary?: string;
    representativeId?: string | null;
    categoryId?: string | null;
    closedAt?: Date | null;
    extensions?: { stage: Stage; createdAt: Date; previousDueOn: Date; newDueOn: Date; workingDays: number; reason: string; goodReason?: string | null }[];
    remedies?: { stage: Stage; kind: RemedyKind; description?: string; amountPence?: number | null; dueOn: Date; doneAt?: Date | null }[];
    refusal?: { reasonCode: RefusalReason; explanation?: string; decidedAt: Date } | null;
    learning?: { body: string; createdAt: Date } | null;
  },
) {
  const current = input.stages[input.stages.length - 1] as CaseHistoryStage;
  return prisma.complaint.create({
    data: {
      reference: input.reference,
      residentId: input.residentId,
      representativeId: input.representativeId ?? null,
      channel: input.channel,
      receivedAt: input.receivedAt,
      summary: input.summary ?? 'The repair to the kitchen leak was booked three times and nobody came.',
      stage: current.stage,
      status: input.status,
      currentDueOn: current.responseDueOn ?? current.acknowledgementDueOn,
      categoryId: input.categoryId ?? null,
      closedAt: input.closedAt ?? null,
      closedById: input.closedAt ? input.staffId : null,
      stages: {
        create: input.stages.map((s) => ({
          stage: s.stage,
          startedAt: s.startedAt,
          acknowledgementDueOn: s.acknowledgementDueOn,
          acknowledgedAt: s.acknowledgedAt ?? null,
          responseDueOn: s.responseDueOn ?? null,
          respondedAt: s.respondedAt ?? null,
          decision: s.decision ?? null,
          handlerId: input.staffId,
          understanding: s.acknowledgedAt ? (s.understanding ?? 'The resident says the repair was not done.') : null,
          reasons: s.respondedAt ? 'Our findings are set out in the response.' : null,
        })),
      },
      extensions: { create: (input.extensions ?? []).map((e) => ({ ...e, goodReason: e.goodReason ?? null, createdById: input.staffId })) },
      remedies: {
        create: (input.remedies ?? []).map((r) => ({
          stage: r.stage,
          kind: r.kind,
          description: r.description ?? 'We will put this right.',
          amountPence: r.amountPence ?? null,
          dueOn: r.dueOn,
          doneAt: r.doneAt ?? null,
          ownerId: input.staffId,
        })),
      },
      ...(input.refusal
        ? { refusal: { create: { reasonCode: input.refusal.reasonCode, explanation: input.refusal.explanation ?? 'This is outside the complaints policy.', decidedAt: input.refusal.decidedAt, decidedById: input.staffId } } }
        : {}),
      ...(input.learning ? { learningNotes: { create: { body: input.learning.body, createdAt: input.learning.createdAt, categoryId: input.categoryId ?? null, authorId: input.staffId } } } : {}),
    },
  });
}
