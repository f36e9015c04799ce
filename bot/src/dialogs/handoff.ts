// Passing the conversation to the live console queue. Safety cases are urgent and the reply
// carries the emergency numbers at once, before any person has seen it.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import { conversationRef, getSession, type DialogDeps } from './context.ts';

export type HandoffKind = 'requested' | 'low_confidence' | 'safety';

export async function handOff(dc: DialogContext, deps: DialogDeps, kind: HandoffKind, reason: string): Promise<DialogTurnResult> {
  const context = dc.context;
  await deps.intake.requestHandoff(conversationRef(context), { urgent: kind === 'safety', reason, at: deps.now() });
  const session = await getSession(deps, context);
  session.handedOff = true;
  session.lowConfidenceStreak = 0;
  const key = kind === 'safety' ? 'handoff.safety' : kind === 'low_confidence' ? 'handoff.lowConfidence' : 'handoff.requested';
  await context.sendActivity(t(context, key));
  // Staff take it from here; the bot starts afresh when they hand it back.
  return dc.cancelAllDialogs(true);
}
