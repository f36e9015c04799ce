// GET /api/media/:id: an attachment a resident sent, fetched from Twilio with the account's
// credentials (staff cannot open Twilio's addresses themselves) and served only when it is a type
// the console opens (issue 8: nothing is served from this origin without a content type check).
// The type is checked twice: as the webhook gave it, before anything is fetched, and as Twilio
// answers, before anything is served.
import type { MediaSource } from '@complaints/bot';
import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';
import { mediaDisposition, viewableMediaType, type TViewableMediaType } from '../schemas/index.ts';

export interface ServedMedia {
  contentType: TViewableMediaType;
  disposition: 'inline' | 'attachment';
  filename: string;
  contentLength: number | null;
  body: ReadableStream<Uint8Array>;
}

const EXTENSIONS: Partial<Record<TViewableMediaType, string>> = {
  'image/jpeg': 'jpg',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'video/3gpp': '3gp',
  'audio/mp4': 'm4a',
};
const extensionFor = (type: TViewableMediaType) => EXTENSIONS[type] ?? type.split('/')[1]!;

export async function openMessageMedia(ctx: Pick<ServerContext, 'prisma'>, source: MediaSource | undefined, input: { id: string }): Promise<ServedMedia> {
  const media = await ctx.prisma.messageMedia.findUnique({ where: { id: input.id }, select: { id: true, url: true, contentType: true } });
  if (!media) throw new AppError(AppErrorCode.NotFound, 'There is no attachment with that id.');
  const type = viewableMediaType(media.contentType);
  if (!type) {
    throw new AppError(
      AppErrorCode.Forbidden,
      `This attachment is a ${media.contentType} file, which the console does not open: only photos, video, audio and PDF files are served here. Ask the resident to send it as a photo or a PDF.`,
    );
  }
  if (!source) {
    throw new AppError(AppErrorCode.Unavailable, `Twilio is not configured on this server, so the attachment cannot be fetched. Its stored address is ${media.url}`);
  }
  const opened = await source.open(media.url);
  if (opened.outcome === 'not_ours') {
    throw new AppError(AppErrorCode.Forbidden, `This attachment's address is not one of this Twilio account's media addresses, so it is not fetched with the account's credentials. Its stored address is ${media.url}`);
  }
  if (opened.outcome === 'failed') {
    throw new AppError(AppErrorCode.Unavailable, `Twilio did not return the attachment (${opened.error}). It may have been deleted from Twilio; try again later.`);
  }
  if (viewableMediaType(opened.media.contentType ?? '') !== type) {
    await opened.media.body.cancel();
    throw new AppError(AppErrorCode.Forbidden, `Twilio returned this attachment as ${opened.media.contentType ?? 'a file with no type'}, not the ${type} it arrived as, so it is not served.`);
  }
  return {
    contentType: type,
    disposition: mediaDisposition(type),
    filename: `attachment-${media.id.slice(0, 8)}.${extensionFor(type)}`,
    contentLength: opened.media.contentLength,
    body: opened.media.body,
  };
}
