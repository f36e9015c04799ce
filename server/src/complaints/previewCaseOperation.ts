// Letter previews: the same operation, on the case as it is now, with the form's current input,
// decided by the engine exactly as a save would be (decideCaseOperation) and rendered exactly as
// the letter would be issued (renderCaseLetter). Nothing is written: the transaction only reads,
// and it is rolled back so even a future write in a check could not land.
import type { ServerContext } from '../context.ts';
import { currentDeadline } from '../domain/index.ts';
import type { LetterRequiredEvent } from '../domain/index.ts';
import type { TCasePreview } from '../schemas/index.ts';
import { getWorkingCalendar } from '../calendar/workingCalendar.ts';
import { decideCaseOperation, type CaseOperation } from './applyCaseOperation.ts';
import { renderCaseLetter } from './recordCaseEvents.ts';

class PreviewRollback {
  constructor(readonly preview: TCasePreview) {}
}

export async function previewCaseOperation(ctx: ServerContext, op: CaseOperation): Promise<TCasePreview> {
  const calendar = await getWorkingCalendar(ctx.prisma);
  try {
    await ctx.prisma.$transaction(async (tx) => {
      const { row, after, events, now } = await decideCaseOperation(tx, ctx, op);
      const required = events.find((event): event is LetterRequiredEvent => event.type === 'letter.required');
      const rendered = required ? await renderCaseLetter(tx, required, { residentId: row.residentId, letters: ctx.config.letters, now }) : null;
      throw new PreviewRollback({
        letter: rendered && required ? { kind: required.letter.kind, stage: required.letter.stage, ...rendered } : null,
        outcome: { stage: after.stage, status: after.status, deadline: currentDeadline(after, now, calendar) },
      });
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.preview;
    throw error;
  }
  throw new Error('A preview transaction ended without a preview');
}
