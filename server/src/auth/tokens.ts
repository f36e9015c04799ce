import { createHash, randomBytes } from 'node:crypto';

/** A random bearer secret and the hash we store; the secret itself is never persisted. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
