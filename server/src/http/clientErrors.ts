// Requests Node's HTTP parser refuses before express sees them: an address or headers over
// Node's 16 KB limit, a malformed request line or header, a request that took too long to
// arrive. Node's own answer is a bare status with no words; this one says what to change, with
// the same no-sniffing, no-framing headers every other response has.
import type { Duplex } from 'node:stream';

const ANSWERS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The address or the headers of this request are too long (Node allows 16 KB): shorten the query string.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request took too long to arrive. Please try again.'],
};
const MALFORMED: [number, string, string] = [400, 'Bad Request', 'The request is not well-formed HTTP.'];

export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // The client has gone, or a response is already on its way: nothing useful can be written.
  if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
  const [status, reason, message] = ANSWERS[error.code ?? ''] ?? MALFORMED;
  const body = `${message}\n`;
  socket.end(
    [
      `HTTP/1.1 ${status} ${reason}`,
      'Content-Type: text/plain; charset=utf-8',
      `Content-Length: ${Buffer.byteLength(body)}`,
      'X-Content-Type-Options: nosniff',
      "Content-Security-Policy: default-src 'none'; frame-ancestors 'self'",
      'Referrer-Policy: no-referrer',
      'X-Frame-Options: SAMEORIGIN',
      'Connection: close',
      '',
      body,
    ].join('\r\n'),
  );
}
