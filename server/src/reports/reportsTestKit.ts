// Seeds the hand-computed report fixture (domain/reports/reportFixture.ts) into a real database
// through the shared factories, so the service tests can compare the API with the domain.
import { createCaseHistory, createCategory, createReasonableAdjustment, createRepresentative, createResident, createStaffUser } from '@complaints/db/factories';
import type { PrismaClient } from '@complaints/db';
import { CODE_TIMESCALES, civilDateToDbDate } from '../domain/index.ts';
import type { CivilDate, ReportCase, ReportData, ReportStage } from '../domain/index.ts';
import { FIXTURE_CLOSURE_DAYS, FIXTURE_DATA, FIXTURE_HOMES, fixtureCalendar } from '../domain/reports/reportFixture.ts';
import { SETTING_KEYS } from '../settings/settingKeys.ts';

/** Midday UTC is the same day in London, summer or winter. */
export const noonOn = (day: CivilDate) => new Date(`${day}T12:00:00Z`);

/** Case B arrived at 23:30 UTC on Thursday 2 April 2026: Good Friday in London. */
const RECEIVED_AT: Record<string, Date> = { 'CMP-2026-000002': new Date('2026-04-02T23:30:00Z') };

export async function seedReportFixture(prisma: PrismaClient, data: ReportData = FIXTURE_DATA, options: { homes?: number | null } = {}) {
  const calendar = fixtureCalendar();
  const staff = await createStaffUser(prisma, { roles: ['handler'] });
  await prisma.closureDay.createMany({ data: FIXTURE_CLOSURE_DAYS.map((date) => ({ date: civilDateToDbDate(date), description: 'Closed between Christmas and New Year' })), skipDuplicates: true });
  const homes = options.homes === undefined ? FIXTURE_HOMES : options.homes;
  if (homes !== null) await prisma.setting.upsert({ where: { key: SETTING_KEYS.homes }, create: { key: SETTING_KEYS.homes, value: homes }, update: { value: homes } });

  const categories = new Map<string, string>();
  const categoryId = async (name: string | null) => {
    if (name === null) return null;
    if (!categories.has(name)) categories.set(name, (await prisma.category.findUnique({ where: { name } }))?.id ?? (await createCategory(prisma, { name })).id);
    return categories.get(name) as string;
  };

  const dbStage = (c: ReportCase, s: ReportStage) => {
    const scale = CODE_TIMESCALES[s.stage];
    const extra = s.extensions.reduce((sum, e) => sum + e.workingDays, 0);
    const startedAt = s.stage === 'stage_1' ? (RECEIVED_AT[c.reference] ?? noonOn(s.startedOn)) : noonOn(s.startedOn);
    return {
      stage: s.stage,
      startedAt,
      acknowledgementDueOn: civilDateToDbDate(calendar.addWorkingDays(s.startedOn, scale.acknowledge.workingDays)),
      acknowledgedAt: s.acknowledgedOn ? noonOn(s.acknowledgedOn) : null,
      responseDueOn: s.acknowledgedOn ? civilDateToDbDate(calendar.addWorkingDays(s.acknowledgedOn, scale.respond.workingDays + extra)) : null,
      respondedAt: s.respondedOn ? noonOn(s.respondedOn) : null,
      decision: s.decision,
    };
  };

  for (const c of data.cases) {
    const resident = await createResident(prisma);
    const representative = c.hasRepresentative ? await createRepresentative(prisma, { residentId: resident.id }) : null;
    const stages = [c.stage1, ...(c.stage2 ? [c.stage2] : [])];
    const note = data.learningNotes.find((n) => n.reference === c.reference);
    await createCaseHistory(prisma, {
      residentId: resident.id,
      staffId: staff.id,
      reference: c.reference,
      channel: c.channel,
      receivedAt: RECEIVED_AT[c.reference] ?? noonOn(c.receivedOn),
      status: c.status,
      representativeId: representative?.id ?? null,
      categoryId: await categoryId(c.category),
      closedAt: c.closedOn ? noonOn(c.closedOn) : null,
      stages: stages.map((s) => dbStage(c, s)),
      extensions: stages.flatMap((s) =>
        s.extensions.map((e) => ({
          stage: s.stage,
          createdAt: noonOn(e.createdOn),
          previousDueOn: civilDateToDbDate(e.createdOn),
          newDueOn: civilDateToDbDate(calendar.addWorkingDays(e.createdOn, e.workingDays)),
          workingDays: e.workingDays,
          reason: e.reason,
          goodReason: e.goodReason,
        })),
      ),
      remedies: c.remedies.map((r) => ({ stage: r.stage, kind: r.kind, amountPence: r.amountPence, dueOn: civilDateToDbDate(r.offeredOn), doneAt: r.doneOn ? noonOn(r.doneOn) : null })),
      refusal: c.refusal ? { reasonCode: c.refusal.reasonCode, decidedAt: noonOn(c.refusal.decidedOn) } : null,
      learning: note ? { body: note.body, createdAt: noonOn(note.createdOn) } : null,
    });
  }

  for (const a of data.adjustments) {
    const resident = await createResident(prisma);
    await createReasonableAdjustment(prisma, {
      residentId: resident.id,
      kind: a.kind,
      status: a.status,
      agreedAt: a.agreedOn ? noonOn(a.agreedOn) : null,
      reviewOn: a.reviewOn ? civilDateToDbDate(a.reviewOn) : null,
    });
  }
  return { staff };
}
