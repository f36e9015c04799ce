// Seed factories: fictional people and cases for tests, benchmarks and demo data. Every name,
// number and address here is invented (Ofcom's drama ranges for phone numbers, example.org
// for email) so fixtures never carry real personal data.
import { randomUUID } from 'node:crypto';
import type { AdjustmentKind, AdjustmentStatus, Channel, PrismaClient, StaffRole, Stage, ComplaintStatus } from './index.ts';

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
  overrides: { residentId: string; kind?: AdjustmentKind; details?: string; status?: AdjustmentStatus },
) {
  const status = overrides.status ?? 'agreed';
  return prisma.reasonableAdjustment.create({
    data: {
      residentId: overrides.residentId,
      kind: overrides.kind ?? 'large_print',
      details: overrides.details ?? 'Letters in 16pt or larger',
      status,
      agreedAt: status === 'agreed' ? new Date('2026-01-05T10:00:00Z') : null,
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
