import { Router } from 'express';
import { buildOpenApiDocument } from './buildOpenApiDocument.ts';

/** GET /api/openapi.json, open to anonymous callers: it describes the API, it holds no data. */
export function openApiRoutes(): Router {
  const router = Router();
  let document: ReturnType<typeof buildOpenApiDocument> | undefined;
  router.get('/openapi.json', (_req, res) => {
    document ??= buildOpenApiDocument();
    res.json(document);
  });
  return router;
}
