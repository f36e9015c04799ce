// OpenAPI 3.1 from the zod schemas (zod v4's z.toJSONSchema, JSON Schema 2020-12, which 3.1
// uses as is). Request shapes are documented as the client sends them (io: 'input').
import { z } from 'zod';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { API_OPERATIONS, type ApiOperation } from './apiOperations.ts';

type JsonObject = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObject;
  return rest;
}

function parameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const object = jsonSchema(schema) as { properties?: Record<string, JsonObject>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

/** '/complaints/:id' → '/api/complaints/{id}'. */
export function openApiPath(expressPath: string): string {
  return `/api${expressPath.replace(/:(\w+)/g, '{$1}')}`;
}

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });

function operation(op: ApiOperation): JsonObject {
  const responses: JsonObject = {
    [op.success.status]: op.success.files
      ? { description: op.success.description, content: Object.fromEntries(op.success.files.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])) }
      : op.success.html || op.success.csv
      ? { description: op.success.description, content: { [op.success.csv ? 'text/csv' : 'text/html']: { schema: { type: 'string' } } } }
      : { description: op.success.description, ...(op.success.status === 204 ? {} : { content: { 'application/json': { schema: { type: 'object' } } } }) },
    400: errorResponse('The request is not valid; the message names each field'),
  };
  if (!op.anonymous) responses[401] = errorResponse('Not signed in');
  if (op.roles) {
    const owner = op.stageOwned ? '; and, unless complaints_officer or admin, the role that owns the case\u2019s stage: handler at stage 1, reviewer at stage 2' : '';
    responses[403] = errorResponse(`Needs one of: ${op.roles.join(', ')}${owner}`);
  }
  if (op.params) responses[404] = errorResponse('Not found');
  if (op.conflict) responses[409] = errorResponse(op.conflict);
  if (op.codeRules) {
    responses[409] = errorResponse('Stale version: someone else changed the case; reload');
    responses[422] = errorResponse('A Complaint Handling Code rule refuses this; the message starts with the provision, e.g. "6.13: …"');
  }
  return {
    operationId: `${op.method}${op.path.replace(/[/:-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    tags: [op.tag],
    parameters: [...parameters(op.params, 'path'), ...parameters(op.query, 'query')],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body) } } } } : {}),
    responses,
    security: op.anonymous ? [] : [{ staffSession: [] }],
  };
}

export function buildOpenApiDocument(options: { title?: string; version?: string } = {}): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const op of API_OPERATIONS) {
    const path = openApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operation(op) };
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title ?? 'Complaints desk staff API', version: options.version ?? '1' },
    paths,
    components: {
      securitySchemes: { staffSession: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            },
          },
        },
      },
    },
  };
}
