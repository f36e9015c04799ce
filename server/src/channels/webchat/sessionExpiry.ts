// When an anonymous web chat session may no longer be resumed. A secret left in a shared
// computer's browser should not open a resident's conversation months later; after this idle
// period the page gets a fresh session and the old conversation stays with staff.
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Idle means no message either way: `lastActivityAt` is the latest message in the session's
 * conversations, or when the session was opened if it has none.
 */
export function isWebChatSessionExpired(lastActivityAt: Date, now: Date, idleDays: number): boolean {
  return now.getTime() - lastActivityAt.getTime() > idleDays * DAY_MS;
}
