import { Session } from 'node:inspector/promises';
import { writeFileSync, readFileSync } from 'node:fs';
import { startTwilioTestServer, inboundSms, postWebhook, settle } from './channels/testing/twilioTestKit.ts';
const corpus = readFileSync(new URL('../../bot/corpus/messages.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text);
const server = await startTwilioTestServer({ outbox: { pollIntervalMs: 200 } });
const N = Number(process.env.N ?? 400);
let k = 0;
async function round(n: number) {
  for (let i = 0; i < n; i++) {
    const from = `+4477009${String(10000 + (k % 900)).slice(1)}`; k++;
    const r = await postWebhook(server, '/twilio/sms', inboundSms(from, corpus[k % corpus.length]!));
    if (r.status !== 200) throw new Error(String(r.status));
  }
}
server.channels.turnRunner; 
await round(100); await settle(server);
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
const c0 = process.cpuUsage();
// acks only, turns deferred? No: measure whole.
await round(N); const c1 = process.cpuUsage(c0);
await settle(server);
const c2 = process.cpuUsage(c0);
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/turn.cpuprofile', JSON.stringify(profile));
console.log(`per message: all ${((c2.user + c2.system) / N / 1000).toFixed(2)} ms cpu; during posting ${((c1.user + c1.system) / N / 1000).toFixed(2)} ms`);
await server.close();
process.exit(0);
