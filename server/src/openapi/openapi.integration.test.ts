import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRouters } from '../http/createApp.ts';
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
    // Every router the app mounts under /api (createApp's own list), read from express's route table.
    const routes = apiRouters(server.context).flatMap(([prefix, router]) => mounted(prefix, router));
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
