// /api/categories: everyone signed in reads them (filters, the close form); complaints officers
// and admins configure them.
import { Router } from 'express';
import type { ServerContext } from '../context.ts';
import { currentStaff, requireRole } from '../auth/middleware.ts';
import { ZCategoryIdParamsSchema, ZCreateCategorySchema, ZListCategoriesQuerySchema, ZUpdateCategorySchema } from '../schemas/index.ts';
import { createCategory } from './createCategory.ts';
import { listCategories } from './listCategories.ts';
import { updateCategory } from './updateCategory.ts';

export const CATEGORY_EDITOR_ROLES = ['complaints_officer', 'admin'] as const;

export function categoryRoutes(ctx: ServerContext): Router {
  const router = Router();
  const editor = requireRole(...CATEGORY_EDITOR_ROLES);

  router.get('/', async (req, res) => {
    res.json({ categories: await listCategories(ctx, ZListCategoriesQuerySchema.parse(req.query)) });
  });

  router.post('/', editor, async (req, res) => {
    res.status(201).json(await createCategory(ctx, { ...ZCreateCategorySchema.parse(req.body), actorId: currentStaff(res).id }));
  });

  router.put('/:id', editor, async (req, res) => {
    const { id } = ZCategoryIdParamsSchema.parse(req.params);
    res.json(await updateCategory(ctx, { ...ZUpdateCategorySchema.parse(req.body), id, actorId: currentStaff(res).id }));
  });

  return router;
}
