// Who may put our pages in a frame: /chat only the landlord's configured sites (the embed
// snippet), everything else no other site. The snippet script is readable cross-origin, and
// the built pages are sent compressed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { securityHeaders } from './securityHeaders.ts';
import { staticSite } from './staticSite.ts';

const dist = mkdtempSync(path.join(tmpdir(), 'console-dist-'));
mkdirSync(path.join(dist, 'chat'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
writeFileSync(path.join(dist, 'chat.html'), `<!doctype html><title>chat</title>${'<p>Chat with us</p>'.repeat(200)}`);
writeFileSync(path.join(dist, 'chat', 'embed.js'), '(function(){})();');

const servers: Server[] = [];
async function serve(env: Record<string, string>): Promise<string> {
  const app = express();
  app.use(securityHeaders(loadConfig({ NODE_ENV: 'test', ...env })));
  app.get('/api/ping', (_req, res) => res.json({ ok: true }));
  app.use(staticSite(dist));
  const server = await new Promise<Server>((resolve) => {
    const started = app.listen(0, '127.0.0.1', () => resolve(started));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const frameAncestors = (response: Response) => /frame-ancestors ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1];

let embedding: string;
let closed: string;
beforeAll(async () => {
  embedding = await serve({ WEBCHAT_EMBED_ORIGINS: 'https://homes.example.org,https://www.homes.example.org' });
  closed = await serve({});
});
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('framing', () => {
  it('lets only the configured sites frame /chat (CSP frame-ancestors, no X-Frame-Options)', async () => {
    for (const page of ['/chat', '/chat/', '/chat?embed=1']) {
      const response = await fetch(embedding + page);
      expect(response.status).toBe(200);
      expect(frameAncestors(response)).toBe("'self' https://homes.example.org https://www.homes.example.org");
      expect(response.headers.get('x-frame-options')).toBeNull();
    }
  });

  it('keeps every other page unframeable by other sites', async () => {
    for (const page of ['/', '/admin/staff', '/api/ping', '/chatter']) {
      const response = await fetch(embedding + page);
      expect(frameAncestors(response)).toBe("'self'");
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    }
  });

  it('with no sites configured, /chat is no more frameable than the rest', async () => {
    const response = await fetch(closed + '/chat');
    expect(frameAncestors(response)).toBe("'self'");
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

describe('the embed snippet and compression', () => {
  it('serves /chat/embed.js to other sites: readable cross-origin, cached for an hour', async () => {
    const response = await fetch(embedding + '/chat/embed.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(await response.text()).toBe('(function(){})();');
    // Every other response stays same-origin only.
    expect((await fetch(embedding + '/chat')).headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('sends pages gzipped when the browser accepts it', async () => {
    const response = await fetch(embedding + '/chat', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('Chat with us');
  });
});
