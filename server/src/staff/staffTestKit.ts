// Shared set-up for the staff API tests: people with known passwords, signed in or not.
import { createStaffUser } from '@complaints/db/factories';
import type { StaffRole } from '@complaints/db';
import { hashPassword } from '../auth/passwords.ts';
import { ApiClient, TEST_PASSWORD, type TestServer } from '../testing/testServer.ts';

let passwordHash: Promise<string> | undefined;
/** One argon2 hash for every fixture: hashing per person would slow the matrix for nothing. */
const knownHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export async function createStaff(server: TestServer, roles: StaffRole[] = ['handler'], overrides: { active?: boolean } = {}) {
  return createStaffUser(server.context.prisma, { roles, passwordHash: await knownHash(), ...overrides });
}

export async function signInAs(server: TestServer, email: string, password = TEST_PASSWORD) {
  const client = new ApiClient(server.url);
  const response = await client.post('/api/auth/login', { email, password });
  return { client, response };
}

export async function signedIn(server: TestServer, roles: StaffRole[] = ['handler']) {
  const staff = await createStaff(server, roles);
  const { client, response } = await signInAs(server, staff.email);
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
  return { staff, client };
}

export function put(client: ApiClient, path: string, body: unknown) {
  return client.request('PUT', path, body);
}

/** The token from a one-time link `${origin}/invite#token=...`. */
export function tokenFromLink(link: string): string {
  return new URLSearchParams(new URL(link).hash.slice(1)).get('token') ?? '';
}
