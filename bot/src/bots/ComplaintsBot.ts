// The resident-facing bot, independent of channel and server: a channel adapter hands it turns;
// everything persistent goes through the IntakePort and the botbuilder Storage it is given.
import { ActivityHandler, ConversationState, type Storage, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import { classify as detectorClassify } from '../detector/index.ts';
import type { Classification } from '../detector/index.ts';
import type { IntakePort } from '../intake/IntakePort.ts';
import { createMessages, t, useTranslator, type Messages } from '../messages/catalogue.ts';
import { detectSafetyCue } from '../safety/safeguarding.ts';
import { createTurnSerialiser, type TurnSerialiser } from '../turns/serialiseTurns.ts';
import { conversationRef, setSnapshot, text, type DialogDeps, type Session } from '../dialogs/context.ts';
import { MAIN_DIALOG, MainDialog } from '../dialogs/MainDialog.ts';

export interface ComplaintsBotOptions {
  storage: Storage;
  intake: IntakePort;
  classify?: (text: string) => Classification;
  now?: () => Date;
  messages?: Messages;
  serialiser?: TurnSerialiser;
  /** Detector confidence below which a message counts as not understood (default 0.6). */
  lowConfidence?: number;
}

export class ComplaintsBot extends ActivityHandler {
  private readonly conversationState: ConversationState;
  private readonly dialogs: DialogSet;
  private readonly deps: DialogDeps;
  private readonly messages: Messages;
  private readonly serialiser: TurnSerialiser;

  constructor(options: ComplaintsBotOptions) {
    super();
    this.conversationState = new ConversationState(options.storage);
    this.messages = options.messages ?? createMessages();
    this.serialiser = options.serialiser ?? createTurnSerialiser();
    this.deps = {
      intake: options.intake,
      classify: options.classify ?? detectorClassify,
      now: options.now ?? (() => new Date()),
      session: this.conversationState.createProperty<Session>('session'),
      lowConfidence: options.lowConfidence ?? 0.6,
    };
    this.dialogs = new DialogSet(this.conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(new MainDialog(this.deps));

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== context.activity.recipient?.id);
      if (joined) {
        const session = await this.prepare(context);
        await this.greet(context, session);
      }
      await next();
    });
  }

  /** One turn at a time per conversation: state is saved with eTag '*' (last writer wins). */
  override async run(context: TurnContext): Promise<void> {
    const key = `${context.activity.channelId}/${context.activity.conversation?.id ?? ''}`;
    await this.serialiser.run(key, async () => {
      await super.run(context);
      await this.conversationState.saveChanges(context, false);
    });
  }

  private async prepare(context: TurnContext): Promise<Session> {
    const session = await this.deps.session.get(context, {});
    useTranslator(context, this.messages.forLanguage(session.language ?? 'en'));
    return session;
  }

  private async greet(context: TurnContext, session: Session): Promise<void> {
    if (session.greeted) return;
    session.greeted = true;
    await context.sendActivity(t(context, 'greeting'));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const session = await this.prepare(context);
    const ref = conversationRef(context);
    const current = await this.deps.intake.getConversationState(ref);
    setSnapshot(context, current);
    if (current.state === 'with_staff') {
      // Staff hold the conversation: the bot says nothing until they release it.
      session.handedOff = true;
      return;
    }
    if (current.state === 'awaiting_staff') {
      session.handedOff = true;
      const cue = detectSafetyCue(text(context));
      if (cue) {
        await this.deps.intake.requestHandoff(ref, { urgent: true, reason: `safeguarding: ${cue}`, at: this.deps.now() });
        await context.sendActivity(t(context, 'handoff.safety'));
      } else {
        await context.sendActivity(t(context, 'handoff.waiting'));
      }
      return;
    }
    const dc = await this.dialogs.createContext(context);
    if (session.handedOff) {
      session.handedOff = false;
      session.greeted = true;
      await context.sendActivity(t(context, 'handoff.resumed'));
      // Staff dealt with whatever the bot was asking before (an offer, an intake question): an
      // answer now must not be taken as the reply to that stale prompt, and an offer it withdraws
      // must leave the triage queue.
      await dc.cancelAllDialogs(true);
      await this.deps.intake.clearComplaintOffered(ref);
    }
    await this.greet(context, session);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(MAIN_DIALOG);
  }
}
