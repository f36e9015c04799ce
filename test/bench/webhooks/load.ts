// The two load shapes.
//
// Closed loop (throughput): autocannon, N keep-alive connections each sending its next request
// as soon as the last one is answered; every request built and signed afresh in setupRequest.
//
// Open loop (latency): our own scheduler, because autocannon's fixed rate (overallRate) lets
// each connection send its whole per-second quota back to back at the start of every second —
// bursts, not a steady 200/s — and times each request from when a connection got round to
// sending it, so a stalled server hides its own queueing ("coordinated omission"). Here request
// i is due at start + i/rate whatever happened before, goes out on a free keep-alive socket at
// once, and its latency is counted from when it was due.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { SMS_PATH, type Traffic, type Webhook } from './traffic.ts';

export interface ClosedLoopResult {
  requestsPerSecond: number;
  ok: number;
  failed: number;
  p99Ms: number;
  acknowledged: string[];
}

export async function closedLoop(url: string, traffic: Traffic, options: { connections: number; seconds: number }): Promise<ClosedLoopResult> {
  const acknowledged: string[] = [];
  let failed = 0;
  const result = await autocannon({
    url: url + SMS_PATH,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (request, context) => {
          const webhook = traffic.next();
          (context as { sid?: string }).sid = webhook.sid;
          return { ...request, body: webhook.form, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': webhook.signature } };
        },
        onResponse: (status, _body, context) => {
          if (status === 200) acknowledged.push((context as { sid: string }).sid);
          else failed++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: acknowledged.length / options.seconds,
    ok: acknowledged.length,
    failed: failed + result.errors + result.timeouts,
    p99Ms: result.latency.p99,
    acknowledged,
  };
}

export interface Sent {
  webhook: Webhook;
  /** performance.now() when the request was due. */
  dueAt: number;
}

export interface OpenLoopResult {
  /** Acknowledgement latency (ms from due to the end of the response) of each 200. */
  latencies: number[];
  acknowledged: string[];
  failed: number;
  /** What the failures were: an HTTP status or a socket error code, with counts. */
  failures: Record<string, number>;
  /** How late the generator itself sent requests (ms): large values mean the figures are unsound. */
  maxSendLagMs: number;
  achievedRate: number;
}

export async function openLoop(url: string, traffic: Traffic, options: { rate: number; seconds: number; onSent?: (sent: Sent) => void }): Promise<OpenLoopResult> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const acknowledged: string[] = [];
  let failed = 0;
  const failures: Record<string, number> = {};
  const fail = (reason: string) => {
    failed++;
    failures[reason] = (failures[reason] ?? 0) + 1;
  };
  let maxSendLagMs = 0;
  let settled = 0;
  const start = performance.now() + 20;

  return new Promise((resolve) => {
    if (total === 0) return resolve({ latencies, acknowledged, failed, failures, maxSendLagMs, achievedRate: 0 });
    const finishOne = () => {
      if (++settled < total) return;
      agent.destroy();
      resolve({ latencies, acknowledged, failed, failures, maxSendLagMs, achievedRate: total / ((performance.now() - start) / 1000) });
    };
    const fire = (dueAt: number) => {
      const webhook = traffic.next();
      maxSendLagMs = Math.max(maxSendLagMs, performance.now() - dueAt);
      options.onSent?.({ webhook, dueAt });
      const request = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: SMS_PATH,
          method: 'POST',
          agent,
          timeout: 30_000,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(webhook.form), 'x-twilio-signature': webhook.signature },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (response.statusCode === 200) {
              latencies.push(performance.now() - dueAt);
              acknowledged.push(webhook.sid);
            } else fail(`HTTP ${response.statusCode}`);
            finishOne();
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        fail(error.code ?? error.message);
        finishOne();
      });
      request.end(webhook.form);
    };
    let sent = 0;
    const pump = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) fire(start + sent++ * interval);
      if (sent < total) setTimeout(pump, Math.max(0, start + sent * interval - performance.now()));
    };
    setTimeout(pump, 20);
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function summarise(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}
