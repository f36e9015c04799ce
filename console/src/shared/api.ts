// The console's one way to call the API: JSON in, JSON out, and the server's error message
// surfaced as-is (it is written for the person reading it).
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the server adds for the screen: zod issues on 400, who changed it on 409, the Code provision on 422. */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Fired on window when the server says the session is gone (signed out elsewhere, deactivated). */
export const SESSION_ENDED_EVENT = 'complaints:session-ended';

// A 401 from these means "wrong password or link", not "your session ended".
const SIGN_IN_PATHS = ['/auth/login', '/auth/setup', '/auth/invitations/accept'];

export async function api<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const data = (await response.json().catch(() => ({}))) as { error?: { code: string; message: string; details?: unknown } };
  if (response.status === 401 && !SIGN_IN_PATHS.includes(path)) window.dispatchEvent(new Event(SESSION_ENDED_EVENT));
  if (!response.ok) {
    throw new ApiError(response.status, data.error?.code ?? 'UNKNOWN', data.error?.message ?? `The server answered ${response.status}.`, data.error?.details);
  }
  return data as T;
}
