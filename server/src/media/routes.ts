// /api/media (signed-in staff: attachments are part of the correspondence every member of staff
// may read, 5.12). Transport only: the checks are in openMessageMedia.ts.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Router } from 'express';
import type { MediaSource } from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { ZMediaIdParamsSchema } from '../schemas/index.ts';
import { openMessageMedia } from './openMessageMedia.ts';

export function mediaRoutes(ctx: ServerContext, source: MediaSource | undefined): Router {
  const router = Router();
  router.get('/:id', async (req, res) => {
    const { id } = ZMediaIdParamsSchema.parse(req.params);
    const media = await openMessageMedia(ctx, source, { id });
    res.status(200).set({
      'Content-Type': media.contentType,
      'Content-Disposition': `${media.disposition}; filename="${media.filename}"`,
      'X-Content-Type-Options': 'nosniff',
      // A resident's photo: kept out of shared caches and off the disk cache.
      'Cache-Control': 'private, no-store',
      // Even opened as a page of its own it can run nothing and load nothing else.
      'Content-Security-Policy': "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      ...(media.contentLength ? { 'Content-Length': String(media.contentLength) } : {}),
    });
    try {
      await pipeline(Readable.fromWeb(media.body as NodeReadableStream<Uint8Array>), res);
    } catch (error) {
      // The status line has gone; all that is left is to cut the response short.
      ctx.logger.warn({ err: error, mediaId: id }, 'an attachment stopped streaming part way');
      res.destroy();
    }
  });
  return router;
}
