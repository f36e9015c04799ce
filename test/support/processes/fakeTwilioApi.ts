// Twilio's Messages API as a real HTTP server in the test process, shared by every server process
// under test (their Twilio SDK's httpClient forwards here, see productProcess.ts): it counts what
// was sent across processes and can answer with scripted failures (500, 429, a dropped socket)
// or hold its answers for a while.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SentMessage {
  sid: string;
  to: string;
  from: string;
  body: string;
  at: number;
}

export type ScriptedAnswer = { status: number } | { dropConnection: true };

export interface FakeTwilioApi {
  url: string;
  /** Every message answered 201, in the order they were accepted. */
  readonly sent: SentMessage[];
  /** Every request, including those answered with a failure. */
  readonly attempts: { to: string; body: string; status: number | 'dropped' }[];
  /** Answers for the next requests, in order (then 201). */
  script(...answers: ScriptedAnswer[]): void;
  /**
   * Holds every request from now on unanswered (as a slow Twilio would) until the returned
   * function is called; then they are answered as usual, in order.
   */
  hold(): () => void;
  /** Requests held unanswered now. */
  readonly heldCount: number;
  close(): Promise<void>;
}

export async function startFakeTwilioApi(): Promise<FakeTwilioApi> {
  const sent: SentMessage[] = [];
  const attempts: FakeTwilioApi['attempts'] = [];
  const queue: ScriptedAnswer[] = [];
  let held: (() => void)[] | undefined;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    const respond = () => {
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      const body = form.get('Body') ?? form.get('ContentVariables') ?? '';
      if (req.method !== 'POST' || !/\/Messages\.json$/.test(req.url ?? '')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 20404, message: 'not found', status: 404 }));
        return;
      }
      const answer = queue.shift() ?? { status: 201 };
      if ('dropConnection' in answer) {
        attempts.push({ to, body, status: 'dropped' });
        req.socket.destroy();
        return;
      }
      attempts.push({ to, body, status: answer.status });
      if (answer.status !== 201) {
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify({ code: answer.status === 429 ? 20429 : 20500, message: 'scripted failure', status: answer.status }));
        return;
      }
      const sid = `SM${randomBytes(16).toString('hex')}`;
      sent.push({ sid, to, from: form.get('From') ?? '', body, at: Date.now() });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ sid, status: 'queued', to, from: form.get('From') }));
    };
    req.on('end', () => (held ? held.push(respond) : respond()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    attempts,
    script: (...answers) => void queue.push(...answers),
    hold() {
      const waiting: (() => void)[] = (held ??= []);
      return () => {
        if (held === waiting) held = undefined;
        for (const respond of waiting.splice(0)) respond();
      };
    },
    get heldCount() {
      return held?.length ?? 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
