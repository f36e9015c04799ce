// GET /api/complaints: every filter, the search box, the sorts and the paging, over fixtures
// built so that a wrong filter (or a calendar that forgets Easter) gives a different answer.
import { createCategory, createComplaint, createResident, createStaffUser } from '@complaints/db/factories';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../testing/testServer.ts';
import { createStaff, signInAs } from '../staff/staffTestKit.ts';
import { TEST_NOW } from './complaintsTestKit.ts';

let server: TestServer;
let client: ApiClient;
let officerId: string;
let otherHandlerId: string;
let repairsId: string;

const day = (date: string) => new Date(`${date}T00:00:00Z`);

// Today is Wednesday 1 April 2026. Good Friday (3 April) and Easter Monday (6 April) are bank
// holidays, so the working days after today are Thu 2, Tue 7, Wed 8: "due soon" (today or the
// next 2 working days) runs to Tuesday 7 April.
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  const prisma = server.context.prisma;
  const officer = await createStaff(server, ['complaints_officer', 'handler']);
  officerId = officer.id;
  ({ client } = await signInAs(server, officer.email));
  otherHandlerId = (await createStaffUser(prisma, { name: 'Olive Other', roles: ['handler', 'reviewer'] })).id;
  repairsId = (await createCategory(prisma, { name: 'Repairs (case list test)' })).id;
  const damp = await createCategory(prisma, { name: 'Damp (case list test)' });

  const ada = await createResident(prisma, { fullName: 'Ada Lovelace', phone: '+447700900101' });
  const grace = await createResident(prisma, { fullName: 'Grace Hopper', preferredName: 'Amazing Grace', phone: '+447700900202' });
  const alan = await createResident(prisma, { fullName: 'Alan Turing', phone: '+447700900303', channel: 'whatsapp' });
  const katherine = await createResident(prisma, { fullName: 'Katherine Johnson', phone: '+447700900404' });
  const mary = await createResident(prisma, { fullName: 'Mary Jackson', phone: '+447700900505' });

  // A: overdue since yesterday.
  await createComplaint(prisma, { residentId: ada.id, reference: 'CMP-2026-000101', receivedAt: new Date('2026-03-24T10:00:00Z'), channel: 'sms', handlerId: officerId, categoryId: repairsId, currentDueOn: day('2026-03-31') });
  // B: due Tuesday 7 April - only 2 working days away because of Easter (4 if the calendar forgot it).
  await createComplaint(prisma, { residentId: grace.id, reference: 'CMP-2026-000102', receivedAt: new Date('2026-03-20T10:00:00Z'), channel: 'phone', status: 'acknowledged', handlerId: otherHandlerId, categoryId: damp.id, currentDueOn: day('2026-04-07') });
  // C: due Wednesday 8 April, 3 working days away: on track.
  await createComplaint(prisma, { residentId: alan.id, reference: 'CMP-2026-000103', receivedAt: new Date('2026-03-30T10:00:00Z'), channel: 'webchat', stage: 'stage_2', currentDueOn: day('2026-04-08') });
  // D: closed, no deadline running.
  await createComplaint(prisma, { residentId: ada.id, reference: 'CMP-2026-000104', receivedAt: new Date('2026-01-10T10:00:00Z'), channel: 'email', status: 'closed', handlerId: officerId, categoryId: repairsId, currentDueOn: null });
  // E: due today (due soon, not overdue).
  await createComplaint(prisma, { residentId: katherine.id, reference: 'CMP-2026-000105', receivedAt: new Date('2026-03-02T10:00:00Z'), channel: 'whatsapp', stage: 'stage_2', status: 'acknowledged', handlerId: otherHandlerId, currentDueOn: day('2026-04-01') });
  // F and G: the same deadline and receipt as C, so only the tie-break orders them.
  await createComplaint(prisma, { residentId: mary.id, reference: 'CMP-2026-000106', receivedAt: new Date('2026-03-30T10:00:00Z'), channel: 'letter', currentDueOn: day('2026-04-08') });
  await createComplaint(prisma, { residentId: mary.id, reference: 'CMP-2026-000107', receivedAt: new Date('2026-03-30T10:00:00Z'), channel: 'letter', currentDueOn: day('2026-04-08') });
});
afterAll(async () => server?.stop());

async function references(query: string): Promise<string[]> {
  const response = await client.get(`/api/complaints?pageSize=100&${query}`);
  expect(response.status, response.text).toBe(200);
  return (response.json.items as { reference: string }[]).map((item) => item.reference.slice(-3));
}

/** C, F and G share their sort keys; the tie-break puts them in id order. */
async function tiedInIdOrder(): Promise<string[]> {
  const rows = await server.context.prisma.complaint.findMany({ where: { reference: { in: ['CMP-2026-000103', 'CMP-2026-000106', 'CMP-2026-000107'] } }, orderBy: { id: 'asc' } });
  return rows.map((row) => row.reference.slice(-3));
}

describe('GET /api/complaints', () => {
  it('lists earliest deadline first, cases with none last, with the engine’s deadline badge and the names the columns show', async () => {
    const response = await client.get('/api/complaints');
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ page: 1, pageSize: 25, total: 7, today: '2026-04-01' });
    expect(response.json.items.map((i: { reference: string }) => i.reference.slice(-3))).toEqual(['101', '105', '102', ...(await tiedInIdOrder()), '104']);
    const b = response.json.items.find((i: { reference: string }) => i.reference === 'CMP-2026-000102');
    expect(b).toMatchObject({
      residentName: 'Amazing Grace',
      handlerName: 'Olive Other',
      categoryName: 'Damp (case list test)',
      channel: 'phone',
      stage: 'stage_1',
      status: 'acknowledged',
      deadline: { dueOn: '2026-04-07', status: 'due_soon', workingDaysLeft: 2 },
    });
    const a = response.json.items.find((i: { reference: string }) => i.reference === 'CMP-2026-000101');
    expect(a.deadline).toEqual({ dueOn: '2026-03-31', status: 'overdue', workingDaysLeft: -1 });
  });

  it('filters by deadline with the working-day calendar: Easter makes 7 April due soon and 8 April on track', async () => {
    expect(await references('deadline=overdue')).toEqual(['101']);
    expect(await references('deadline=due_soon')).toEqual(['105', '102']);
    expect((await references('deadline=on_track')).sort()).toEqual(['103', '106', '107']);
  });

  it('filters by status, stage, channel, handler (a person, "me", "unassigned") and category (one, or "none")', async () => {
    expect(await references('status=acknowledged')).toEqual(['105', '102']);
    expect(await references('status=closed')).toEqual(['104']);
    expect(await references('stage=stage_2')).toEqual(['105', '103']);
    expect(await references('channel=phone')).toEqual(['102']);
    expect(await references('channel=letter')).toHaveLength(2);
    expect(await references('handlerId=me')).toEqual(['101', '104']);
    expect(await references(`handlerId=${otherHandlerId}`)).toEqual(['105', '102']);
    expect((await references('handlerId=unassigned')).sort()).toEqual(['103', '106', '107']);
    expect(await references(`categoryId=${repairsId}`)).toEqual(['101', '104']);
    expect((await references('categoryId=none')).sort()).toEqual(['103', '105', '106', '107']);
    expect(await references('handlerId=me&status=received')).toEqual(['101']);
    expect(await references('stage=stage_2&deadline=due_soon')).toEqual(['105']);
  });

  it('searches by name (full or preferred, any case, any part), by reference (or part) and by phone in any UK format', async () => {
    expect(await references('q=lovelace')).toEqual(['101', '104']);
    expect(await references('q=grace')).toEqual(['102']);
    expect(await references('q=Hopper')).toEqual(['102']);
    expect(await references('q=cmp-2026-000105')).toEqual(['105']);
    expect(await references('q=000103')).toEqual(['103']);
    expect(await references(`q=${encodeURIComponent('07700 900202')}`)).toEqual(['102']);
    expect(await references(`q=${encodeURIComponent('+44 7700 900101')}`)).toEqual(['101', '104']);
    expect(await references(`q=${encodeURIComponent('(07700) 900-303')}`)).toEqual(['103']);
    expect(await references('q=0404')).toEqual(['105']);
    expect(await references('q=Nobody')).toEqual([]);
    expect(await references('q=lovelace&status=closed')).toEqual(['104']);
  });

  it('sorts by receipt, reference and status (workflow order), either way', async () => {
    const tied = await tiedInIdOrder();
    expect(await references('sort=receivedAt&order=desc')).toEqual([...tied].reverse().concat(['101', '102', '105', '104']));
    expect(await references('sort=receivedAt')).toEqual(['104', '105', '102', '101', ...tied]);
    expect(await references('sort=reference&order=desc')).toEqual(['107', '106', '105', '104', '103', '102', '101']);
    // received (by deadline), acknowledged (by deadline), closed.
    expect(await references('sort=status')).toEqual(['101', ...tied, '105', '102', '104']);
    expect(await references('sort=dueOn&order=desc')).toEqual([...tied].reverse().concat(['102', '105', '101', '104']));
  });

  it('pages on the server without repeating or skipping a case, even among ties', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 7; page += 1) {
      const response = await client.get(`/api/complaints?pageSize=1&page=${page}`);
      expect(response.json).toMatchObject({ page, pageSize: 1, total: 7 });
      seen.push(response.json.items[0].reference.slice(-3));
    }
    expect(seen).toEqual(['101', '105', '102', ...(await tiedInIdOrder()), '104']);
    const second = await client.get('/api/complaints?pageSize=3&page=2');
    expect(second.json.items.map((i: { reference: string }) => i.reference.slice(-3))).toEqual(seen.slice(3, 6));
    const beyond = await client.get('/api/complaints?pageSize=3&page=9');
    expect(beyond.json).toMatchObject({ items: [], total: 7 });
  });

  it('refuses bad values with a 400 that says what is allowed', async () => {
    const cases: [string, RegExp][] = [
      ['status=open', /status must be one of received, acknowledged/],
      ['handlerId=someone', /handlerId must be a staff id, "me" or "unassigned"/],
      ['categoryId=repairs', /categoryId must be a category id or "none"/],
      ['channel=pigeon', /channel must be one of sms/],
      ['deadline=late', /deadline must be one of on_track, due_soon, overdue/],
      ['sort=name', /sort must be one of dueOn, receivedAt, reference, status/],
      ['order=up', /order must be asc or desc/],
      ['q=a', /Search for at least 2 characters/],
      ['pageSize=500', /pageSize must be at most 100/],
      ['page=0', /page must be at least 1/],
      ['handler=me', /Unknown parameter handler: use status, stage, handlerId/],
    ];
    for (const [query, message] of cases) {
      const response = await client.get(`/api/complaints?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json.error.message, query).toMatch(message);
    }
  });
});
