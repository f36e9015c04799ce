// Shared set-up for the complaints API tests: a server on a fixed clock, and requests that take
// a case through its lifecycle via the API itself (so every row is written the real way).
import { vi } from 'vitest';
import { createResident } from '@complaints/db/factories';
import type { StaffRole } from '@complaints/db';
import { createSignedInStaff, type ApiClient, type TestServer } from '../testing/testServer.ts';
import type { StaffEvent } from '../realtime/broadcaster.ts';

/** Wednesday 1 April 2026, 10:00 in London: Good Friday and Easter Monday fall in the next week. */
export const TEST_NOW = new Date('2026-04-01T09:00:00Z');

export const DEFINITION = {
  understanding: 'The repairs team missed two appointments to fix the boiler.',
  outcomesSought: 'A working boiler and an apology.',
  inResponsibility: 'The missed appointments and the repair.',
  outOfResponsibility: 'none',
};

export async function signIn(server: TestServer, roles: StaffRole[] = ['handler']) {
  return createSignedInStaff(server, roles);
}

export async function logComplaint(server: TestServer, client: ApiClient, overrides: Record<string, unknown> = {}) {
  const resident = await createResident(server.context.prisma);
  const response = await client.post('/api/complaints', {
    residentId: resident.id,
    channel: 'phone',
    receivedAt: '2026-04-01T08:30:00Z',
    summary: 'Nobody came to fix the boiler, twice.',
    ...overrides,
  });
  if (response.status !== 201) throw new Error(`log complaint: ${response.status} ${response.text}`);
  return { resident, complaint: response.json };
}

export async function acknowledged(server: TestServer, client: ApiClient) {
  const logged = await logComplaint(server, client);
  const response = await client.post(`/api/complaints/${logged.complaint.id}/acknowledge`, { definition: DEFINITION, version: logged.complaint.version });
  if (response.status !== 200) throw new Error(`acknowledge: ${response.status} ${response.text}`);
  return { ...logged, complaint: response.json };
}

export async function responded(server: TestServer, client: ApiClient, ownerId: string) {
  const ack = await acknowledged(server, client);
  const response = await client.post(`/api/complaints/${ack.complaint.id}/respond`, {
    decision: 'upheld',
    reasons: 'Both appointments were missed without notice.',
    remedies: [{ kind: 'apology', description: 'We apologise', dueOn: '2026-04-01', ownerId, done: true }],
    outstandingActions: [{ description: 'Replace the boiler', dueOn: '2026-04-30', ownerId }],
    version: ack.complaint.version,
  });
  if (response.status !== 200) throw new Error(`respond: ${response.status} ${response.text}`);
  return { ...ack, complaint: response.json };
}

export function put(client: ApiClient, path: string, body: unknown) {
  return client.request('PUT', path, body);
}

/** Every staff event the server publishes from now on, in order (still sent to sockets too). */
export function recordStaffEvents(server: TestServer): StaffEvent[] {
  const events: StaffEvent[] = [];
  const broadcaster = server.context.broadcaster;
  const original = broadcaster.toStaff.bind(broadcaster);
  vi.spyOn(broadcaster, 'toStaff').mockImplementation((event) => {
    events.push(event);
    original(event);
  });
  return events;
}
