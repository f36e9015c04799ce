// The retention sweep at the boundary day: a resident is anonymised only when every complaint of
// theirs finished longer ago than the retention period; finished within it (by an hour, or at
// the very instant of the cutoff) or still open, everything about them is kept as it was.
// The sweep runs on 29 February 2028 with a 12-month period, so the cutoff is 28 February 2027
// at the same time of day (there is no 29 February 2027: retentionCutoff.ts clamps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseHistory, createComplaint, createConversation, createInboundMessage, createResident, createStaffUser } from '@complaints/db/factories';
import type { PrismaClient } from '@complaints/db';
import { recordAudit } from '../audit/recordAudit.ts';
import { SETTING_KEYS } from '../settings/settingKeys.ts';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { ANONYMISED } from './redactAuditValue.ts';
import { runRetentionSweep } from './runRetentionSweep.ts';

const SWEEP_AT = new Date('2028-02-29T09:00:00Z');
const CUTOFF = new Date('2027-02-28T09:00:00Z');
const hours = (n: number) => new Date(CUTOFF.getTime() + n * 3_600_000);

let clock = SWEEP_AT;
let server: TestServer;
let prisma: PrismaClient;
let staffId: string;
let serial = 0;

/** A resident with a conversation, a message and an audit row about them: what "kept whole" must keep. */
async function residentWithHistory() {
  const resident = await createResident(prisma);
  const conversation = await createConversation(prisma, resident.id, 'sms');
  await createInboundMessage(prisma, { conversationId: conversation.id, body: `My name is ${resident.fullName}, the boiler is broken` });
  await prisma.$transaction((tx) =>
    recordAudit(tx, { actor: { type: 'system' }, action: 'resident.updated', entityType: 'Resident', entityId: resident.id, residentId: resident.id, after: { fullName: resident.fullName }, at: new Date('2026-01-05T10:00:00Z') }),
  );
  return resident.id;
}

async function finishedComplaint(residentId: string, finished: { closedAt: Date } | { refusedAt: Date }) {
  serial += 1;
  const finishedAt = 'closedAt' in finished ? finished.closedAt : finished.refusedAt;
  const receivedAt = new Date(finishedAt.getTime() - 30 * 86_400_000);
  return createCaseHistory(prisma, {
    residentId,
    staffId,
    reference: `CMP-2027-${String(800000 + serial)}`,
    channel: 'sms',
    receivedAt,
    status: 'closedAt' in finished ? 'closed' : 'refused',
    closedAt: 'closedAt' in finished ? finished.closedAt : null,
    refusal: 'refusedAt' in finished ? { reasonCode: 'over_12_months', decidedAt: finished.refusedAt } : null,
    stages: [{ stage: 'stage_1', startedAt: receivedAt, acknowledgementDueOn: receivedAt, acknowledgedAt: receivedAt, respondedAt: 'closedAt' in finished ? finished.closedAt : null, decision: 'closedAt' in finished ? 'upheld' : null }],
  });
}

/** Everything held about a resident, as subject access would gather it. */
async function everythingAbout(residentId: string) {
  const resident = await prisma.resident.findUniqueOrThrow({
    where: { id: residentId },
    include: {
      identities: true,
      representatives: true,
      conversations: { include: { messages: true } },
      complaints: { include: { stages: true, refusal: true, remedies: true, letters: true, notes: true } },
    },
  });
  const audit = await prisma.auditEvent.findMany({ where: { residentId, action: { not: 'resident.anonymised' } }, orderBy: { id: 'asc' } });
  return { resident, audit };
}

const residents: Record<string, string> = {};
const before: Record<string, Awaited<ReturnType<typeof everythingAbout>>> = {};

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  prisma = server.context.prisma;
  staffId = (await createStaffUser(prisma, { roles: ['handler'] })).id;
  await prisma.setting.upsert({ where: { key: SETTING_KEYS.retentionMonths }, create: { key: SETTING_KEYS.retentionMonths, value: 12 }, update: { value: 12 } });

  residents.closedAnHourInside = await residentWithHistory();
  await finishedComplaint(residents.closedAnHourInside, { closedAt: hours(1) });
  residents.closedAtTheCutoff = await residentWithHistory();
  await finishedComplaint(residents.closedAtTheCutoff, { closedAt: CUTOFF });
  residents.refusedHalfAnHourInside = await residentWithHistory();
  await finishedComplaint(residents.refusedHalfAnHourInside, { refusedAt: hours(0.5) });
  residents.oneStillOpen = await residentWithHistory();
  await finishedComplaint(residents.oneStillOpen, { closedAt: new Date('2020-01-10T12:00:00Z') });
  await createComplaint(prisma, { residentId: residents.oneStillOpen, receivedAt: new Date('2020-02-03T12:00:00Z'), status: 'acknowledged' });
  residents.oldAndRecent = await residentWithHistory();
  await finishedComplaint(residents.oldAndRecent, { closedAt: new Date('2024-05-01T12:00:00Z') });
  await finishedComplaint(residents.oldAndRecent, { closedAt: new Date('2027-06-01T12:00:00Z') });

  residents.closedAnHourPast = await residentWithHistory();
  await finishedComplaint(residents.closedAnHourPast, { closedAt: hours(-1) });
  residents.refusedASecondPast = await residentWithHistory();
  await finishedComplaint(residents.refusedASecondPast, { refusedAt: new Date(CUTOFF.getTime() - 1000) });

  for (const [name, id] of Object.entries(residents)) before[name] = await everythingAbout(id);
});
afterAll(async () => {
  await server?.stop();
});

const KEPT = ['closedAnHourInside', 'closedAtTheCutoff', 'refusedHalfAnHourInside', 'oneStillOpen', 'oldAndRecent'];
const PAST = ['closedAnHourPast', 'refusedASecondPast'];

describe('retention sweep on the boundary day (12 months, run 29 February 2028 09:00 UTC)', () => {
  it('anonymises only the residents whose every complaint finished before the cutoff', async () => {
    expect(await runRetentionSweep(server.context)).toEqual({ anonymised: PAST.length, more: false });
    const anonymised = await prisma.resident.findMany({ where: { anonymisedAt: { not: null } }, select: { id: true } });
    expect(anonymised.map((r) => r.id).sort()).toEqual(PAST.map((name) => residents[name]).sort());
  });

  it.each(KEPT)('keeps %s whole: every field, message and audit row as it was', async (name) => {
    expect(await everythingAbout(residents[name] as string)).toEqual(before[name]);
    expect(await prisma.auditEvent.count({ where: { residentId: residents[name], action: 'resident.anonymised' } })).toBe(0);
  });

  it.each(PAST)('anonymises %s, with the cutoff in its audit row', async (name) => {
    const { resident, audit } = await everythingAbout(residents[name] as string);
    expect(resident).toMatchObject({ fullName: null, postcode: null, tenancyReference: null, anonymisedAt: SWEEP_AT });
    expect(resident.complaints[0]?.summary).toBe(ANONYMISED);
    expect(resident.conversations[0]?.messages[0]?.body).toBe(ANONYMISED);
    expect(audit.find((row) => row.action === 'resident.updated')?.after).toEqual({ fullName: ANONYMISED });
    const row = await prisma.auditEvent.findFirstOrThrow({ where: { residentId: residents[name], action: 'resident.anonymised' } });
    expect(row.after).toMatchObject({ reason: 'retention', retentionMonths: 12, finishedBefore: CUTOFF.toISOString() });
  });

  it('an hour and a half later the cutoff has passed those finished on the boundary day too; open and recent stay', async () => {
    clock = new Date(SWEEP_AT.getTime() + 1.5 * 3_600_000);
    expect(await runRetentionSweep(server.context)).toEqual({ anonymised: 3, more: false });
    for (const name of ['closedAnHourInside', 'closedAtTheCutoff', 'refusedHalfAnHourInside']) {
      expect((await prisma.resident.findUniqueOrThrow({ where: { id: residents[name] } })).anonymisedAt).toEqual(clock);
    }
    for (const name of ['oneStillOpen', 'oldAndRecent']) expect(await everythingAbout(residents[name] as string)).toEqual(before[name]);
  });
});
