// Resident search and create for the console's pickers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from '@complaints/db/factories';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { signIn } from '../complaints/complaintsTestKit.ts';
import { ZResidentSummarySchema } from '../schemas/index.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

describe('GET /api/residents?q=', () => {
  it('finds residents by name, postcode, phone number and tenancy reference, but never anonymised ones', async () => {
    const prisma = server.context.prisma;
    const found = await createResident(prisma, { fullName: 'Quentin Findable', postcode: 'ZZ7 7ZZ', phone: '+447700900777' });
    const hidden = await createResident(prisma, { fullName: 'Quentin Forgotten', postcode: 'ZZ7 7ZZ' });
    await prisma.resident.update({ where: { id: hidden.id }, data: { anonymisedAt: new Date() } });
    const { client } = await signIn(server, ['handler']);
    const ids = async (q: string) => {
      const response = await client.get(`/api/residents?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      return (response.json.residents as unknown[]).map((r) => ZResidentSummarySchema.strict().parse(r).id);
    };
    for (const q of ['quentin', 'FINDABLE', 'zz77zz', 'ZZ7 7', '07700 900777', '900777', found.tenancyReference!.toLowerCase()]) {
      expect(await ids(q), q).toEqual([found.id]);
    }
    const [summary] = (await client.get('/api/residents?q=Findable')).json.residents;
    expect(summary).toEqual({
      id: found.id,
      fullName: 'Quentin Findable',
      preferredName: null,
      postcode: 'ZZ7 7ZZ',
      tenancyReference: found.tenancyReference,
      addressLine: null,
      phones: ['+447700900777'],
    });
    expect(await ids('Nobody Bythatname')).toEqual([]);
  });

  it('asks for a longer search, with a message a person can act on', async () => {
    const { client } = await signIn(server, ['agent']);
    const short = await client.get('/api/residents?q=a');
    expect(short.status).toBe(400);
    expect(short.json.error.message).toBe('q: Type at least 2 characters to search for a resident.');
    expect((await client.get('/api/residents')).json.error.message).toBe('q: Type a name, postcode, phone number or tenancy reference to search for.');
  });
});

describe('POST /api/residents', () => {
  it('records the resident with a normalised postcode and their phone as an SMS identity, audited', async () => {
    const { client, staff } = await signIn(server, ['agent']);
    const response = await client.post('/api/residents', { fullName: ' Pat Newcomer ', postcode: 'zz8 8zz', phone: '07700 900888', tenancyReference: 't555', email: '' });
    expect(response.status).toBe(201);
    expect(response.json).toEqual({
      id: expect.any(String),
      fullName: 'Pat Newcomer',
      preferredName: null,
      postcode: 'ZZ8 8ZZ',
      tenancyReference: 'T555',
      addressLine: null,
      phones: ['+447700900888'],
    });
    const audit = await server.context.prisma.auditEvent.findMany({ where: { residentId: response.json.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorStaffId])).toEqual([
      ['resident.created', staff.id],
      ['channel_identity.linked', staff.id],
    ]);
    // Texts from that number now join this resident's record.
    const identity = await server.context.prisma.channelIdentity.findUniqueOrThrow({ where: { channel_address: { channel: 'sms', address: '+447700900888' } } });
    expect(identity.residentId).toBe(response.json.id);

    const again = await client.post('/api/residents', { fullName: 'Pat Duplicate', phone: '+44 7700 900888' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toBe('That phone number is already on another resident’s record. Search for the number and choose that resident instead.');
  });

  it('names every field it cannot accept', async () => {
    const { client } = await signIn(server, ['agent']);
    const before = await server.context.prisma.resident.count();
    const response = await client.post('/api/residents', { fullName: '', postcode: 'NOT A PC', phone: '12345', email: 'nope' });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toBe(
      'fullName: Full name cannot be empty; postcode: Enter a UK postcode, like ZZ1 1ZZ; email: Enter a valid email address, like name@example.org; phone: Enter a UK phone number, like 07700 900123',
    );
    expect(await server.context.prisma.resident.count()).toBe(before);
  });
});
