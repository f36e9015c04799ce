// 1.4: service requests staff record from a call, letter, email or visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createResident } from '@complaints/db/factories';
import { startTestServer, type TestServer } from '../testing/testServer.ts';
import { TEST_NOW, signIn } from '../complaints/complaintsTestKit.ts';
import { SERVICE_REQUEST_CREATED_EVENT } from '../schemas/index.ts';
import { eventsOf, recordStaffEvents } from '../conversations/liveChatTestKit.ts';

let server: TestServer;
let events: ReturnType<typeof recordStaffEvents>;
beforeAll(async () => {
  server = await startTestServer({ now: () => TEST_NOW });
  events = recordStaffEvents(server);
});
afterAll(async () => server?.stop());

describe('POST /api/service-requests', () => {
  it('records a phone call as a service request with the next SR reference of the year, audited and announced', async () => {
    const resident = await createResident(server.context.prisma);
    const { client, staff } = await signIn(server, ['agent']);
    const body = { residentId: resident.id, channel: 'phone', description: 'The bathroom extractor fan is broken.', receivedAt: '2026-04-01T08:15:00Z' };
    const first = await client.post('/api/service-requests', body);
    const second = await client.post('/api/service-requests', { ...body, channel: 'letter' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.json).toEqual({
      id: expect.any(String),
      reference: 'SR-2026-000001',
      status: 'open',
      channel: 'phone',
      description: 'The bathroom extractor fan is broken.',
      receivedAt: '2026-04-01T08:15:00.000Z',
      residentId: resident.id,
      conversationId: null,
      createdAt: TEST_NOW.toISOString(),
    });
    expect(second.json.reference).toBe('SR-2026-000002');
    expect(eventsOf(events, SERVICE_REQUEST_CREATED_EVENT)).toEqual([{ serviceRequest: first.json }, { serviceRequest: second.json }]);
    const audit = await server.context.prisma.auditEvent.findFirstOrThrow({ where: { entityId: first.json.id } });
    expect(audit).toMatchObject({ action: 'service_request.created', actorStaffId: staff.id, residentId: resident.id, after: { reference: 'SR-2026-000001', channel: 'phone' } });
  });

  it('refuses what it cannot record, saying which field and why', async () => {
    const { client } = await signIn(server, ['handler']);
    const resident = await createResident(server.context.prisma);
    const missing = await client.post('/api/service-requests', { channel: 'fax', description: '', receivedAt: '2026-04-01T08:15:00Z' });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toBe(
      'residentId: The resident must be a valid id; channel: Choose how the request reached us; description: What the resident asked for cannot be empty',
    );
    const future = await client.post('/api/service-requests', { residentId: resident.id, channel: 'email', description: 'Gutter', receivedAt: '2026-04-02T08:15:00Z' });
    expect(future.status).toBe(400);
    expect(future.json.error.message).toBe('receivedAt: The request cannot have been received in the future. Check the date and time.');
    const unknown = await client.post('/api/service-requests', { residentId: '6f1c2a4e-0000-4000-8000-000000000000', channel: 'email', description: 'Gutter', receivedAt: '2026-04-01T08:15:00Z' });
    expect(unknown.json.error.message).toBe('residentId: There is no resident with that id. Search again or add the resident.');
  });
});
