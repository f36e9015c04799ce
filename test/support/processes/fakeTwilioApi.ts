// Twilio's Messages API as a real HTTP server in the test process, shared by every server process
// under test (their Twilio SDK's httpClient forwards here, see productProcess.ts): it counts what
// was sent across processes and can answer with scripted failures (500, 429, a dropped socket).
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
  close(): Promise<void>;
}

export async function startFakeTwilioApi(): Promise<FakeTwilioApi> {
  const sent: SentMessage[] = [];
  const attempts: FakeTwilioApi['attempts'] = [];
  const queue: ScriptedAnswer[] = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
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
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    sent,
    attempts,
    script: (...answers) => void queue.push(...answers),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
