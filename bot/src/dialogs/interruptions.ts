// Commands that work at any point ("agent", "help", "restart") and safety cues, which always
// win. Used by the interruptible base dialog and by the main dialog's first step.
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { t, words } from '../messages/catalogue.ts';
import { detectSafetyCue } from '../safety/safeguarding.ts';
import { getSession, text, type DialogDeps } from './context.ts';
import { handOff } from './handoff.ts';

export type Command = 'agent' | 'help' | 'restart';

export function command(dc: DialogContext): Command | null {
  const said = text(dc.context).toLowerCase().replace(/[.!]+$/, '');
  if (words(dc.context, 'commands.agent').includes(said) || asksForPerson(dc, said)) return 'agent';
  if (words(dc.context, 'commands.help').includes(said)) return 'help';
  if (words(dc.context, 'commands.restart').includes(said)) return 'restart';
  return null;
}

/**
 * "Can I speak to a person, please?": an optional polite opener and closer around a request for a
 * person, all from the catalogue. The whole message must be the request, so an answer that only
 * mentions someone ("I asked to speak to someone last week") never interrupts an intake.
 */
function asksForPerson(dc: DialogContext, said: string): boolean {
  let rest = said
    .replace(/\u2019/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const opener = words(dc.context, 'commands.agentOpeners')
    .sort((a, b) => b.length - a.length)
    .find((candidate) => rest.startsWith(`${candidate} `));
  if (opener) rest = rest.slice(opener.length).trim();
  for (const closer of words(dc.context, 'commands.agentClosers')) {
    if (rest.endsWith(` ${closer}`)) rest = rest.slice(0, -closer.length).trim();
  }
  return words(dc.context, 'commands.agentPhrases').includes(rest);
}

/** Handles an interruption, or returns null to let the conversation carry on. */
export async function interrupt(dc: DialogContext, deps: DialogDeps): Promise<DialogTurnResult | null> {
  const cue = detectSafetyCue(text(dc.context));
  if (cue) return handOff(dc, deps, 'safety', `safeguarding: ${cue}`);
  switch (command(dc)) {
    case 'agent':
      return handOff(dc, deps, 'requested', 'resident asked for a person');
    case 'help':
      await dc.context.sendActivity(t(dc.context, 'help'));
      if (dc.activeDialog) {
        await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      }
      return dc.cancelAllDialogs(true);
    case 'restart': {
      // The time dissatisfaction was first expressed still stands after a restart (the Code's clock).
      const session = await getSession(deps, dc.context);
      session.lowConfidenceStreak = 0;
      await dc.context.sendActivity(t(dc.context, 'restarted'));
      return dc.cancelAllDialogs(true);
    }
    default:
      return null;
  }
}
