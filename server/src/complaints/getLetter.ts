import type { ServerContext } from '../context.ts';
import { AppError, AppErrorCode } from '../http/appError.ts';

/** The letter exactly as issued (letters are never edited, 5.12), for printing. */
export async function getLetterHtml(ctx: ServerContext, options: { complaintId: string; letterId: string }): Promise<string> {
  const letter = await ctx.prisma.letter.findFirst({ where: { id: options.letterId, complaintId: options.complaintId }, select: { html: true } });
  if (!letter) throw new AppError(AppErrorCode.NotFound, 'This complaint has no letter with that id.');
  return letter.html;
}
