import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRoutes } from '../calendar/routes.ts';
import { complaintRoutes } from '../complaints/routes.ts';
import { authRoutes } from '../auth/routes.ts';
import { staffRoutes } from '../staff/routes.ts';
import { conversationRoutes, triageRoutes } from '../conversations/routes.ts';
import { residentLookupRoutes } from '../residents/lookupRoutes.ts';
import { serviceRequestRoutes } from '../serviceRequests/routes.ts';
import { residentPanelRoutes } from '../residents/routes.ts';
import { reportRoutes } from '../reports/routes.ts';
import { settingsRoutes } from '../settings/routes.ts';
import { dataProtectionRoutes } from '../dataProtection/routes.ts';
import { mediaRoutes } from '../media/routes.ts';
import { ApiClient, startTestServer, type TestServer } from '../testing/testServer.ts';
import { openApiPath } from './buildOpenApiDocument.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every [method, path] the router really mounts, read from express's own route table. */
function mounted(prefix: string, router: Router): [string, string][] {
  return (router.stack as Layer[]).flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((m): [string, string] => [m, openApiPath(`${prefix}${layer.route?.path === '/' ? '' : layer.route?.path}`)]) : [],
  );
}

describe('GET /api/openapi.json', () => {
  it('is served to anonymous callers as OpenAPI 3.1 and documents every mounted route', async () => {
    const response = await new ApiClient(server.url).get('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = response.json;
    expect(doc.openapi).toBe('3.1.0');
    const routes = [
      ...mounted('/complaints', complaintRoutes(server.context)),
      ...mounted('/calendar', calendarRoutes(server.context)),
      ...mounted('/auth', authRoutes(server.context)),
      ...mounted('/staff', staffRoutes(server.context)),
      ...mounted('/triage', triageRoutes(server.context)),
      ...mounted('/conversations', conversationRoutes(server.context)),
      ...mounted('/residents', residentLookupRoutes(server.context)),
      ...mounted('/service-requests', serviceRequestRoutes(server.context)),
      ...mounted('/residents', residentPanelRoutes(server.context)),
      ...mounted('/reports', reportRoutes(server.context)),
      ...mounted('/settings', settingsRoutes(server.context)),
      ...mounted('/data-protection', dataProtectionRoutes(server.context)),
      ...mounted('/media', mediaRoutes(server.context, undefined)),
    ];
    expect(routes.length).toBeGreaterThanOrEqual(27);
    for (const [method, path] of routes) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });

  it('documents bodies and queries from the zod schemas', async () => {
    const doc = (await new ApiClient(server.url).get('/api/openapi.json')).json;
    const extend = doc.paths['/api/complaints/{id}/extend'].post;
    expect(extend.requestBody.content['application/json'].schema.required).toEqual(['reason', 'version']);
    expect(extend.responses['422']).toBeDefined();
    expect(extend.responses['409']).toBeDefined();
    const calendar = doc.paths['/api/calendar/add-working-days'].get.parameters;
    expect(calendar).toEqual([
      expect.objectContaining({ name: 'from', in: 'query', required: true }),
      expect.objectContaining({ name: 'days', in: 'query', required: true, schema: expect.objectContaining({ maximum: 200 }) }),
    ]);
    expect(doc.paths['/api/complaints/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});
