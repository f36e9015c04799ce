// Complaint intake in short SMS-sized questions. 5.6: what happened and the outcome sought form
// the complaint definition. 2.3: an old issue is flagged for discretion, never refused. 3.6: a
// representative. 5.10: adjustments. 6.2 and 3.7: the reply says what happens next and names
// the Ombudsman.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import type { ContactChannel, RepresentativeInput } from '../intake/IntakePort.ts';
import { ask, NUMBER_PROMPT, numberPrompt, numbers, TEXT_PROMPT, textPrompt, YES_NO_PROMPT, yesNo, yesNoPrompt } from './answers.ts';
import { conversationRef, getSession, snapshot, type DialogDeps } from './context.ts';
import { ADJUSTMENTS_DIALOG, AdjustmentsDialog, describeAdjustment, type AdjustmentsResult } from './AdjustmentsDialog.ts';
import { IDENTITY_DIALOG, IdentityDialog } from './IdentityDialog.ts';
import { REPRESENTATIVE_DIALOG, RepresentativeDialog } from './RepresentativeDialog.ts';
import { overTwelveMonths, parseWhenStarted } from './whenStarted.ts';

export const COMPLAINT_INTAKE_DIALOG = 'complaintIntakeDialog';

export interface IntakeOptions {
  /** ISO instant of the first expression of dissatisfaction: the complaint's received time. */
  receivedAt: string;
  initialText: string;
  serviceRequestId: string | null;
}

interface Answers {
  whatHappened: string;
  startedText: string;
  startedOn: string | null;
  flagged: boolean;
  outcome: string;
  representative?: RepresentativeInput;
  residentId: string;
  adjustments: AdjustmentsResult;
  channel: ContactChannel | null;
}

const CHANNELS: ContactChannel[] = ['sms', 'whatsapp', 'email', 'phone', 'letter'];

export class ComplaintIntakeDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(COMPLAINT_INTAKE_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(numberPrompt());
    this.addDialog(yesNoPrompt());
    // Children live with the dialog that begins them, so a reprompt after "help" can find them.
    this.addDialog(new IdentityDialog(deps));
    this.addDialog(new RepresentativeDialog());
    this.addDialog(new AdjustmentsDialog());
    this.addDialog(
      new WaterfallDialog('intakeSteps', [
        this.askWhatHappened,
        this.askWhenStarted,
        this.askOutcome.bind(this),
        this.askWho,
        this.representative,
        this.identify,
        this.adjustments,
        this.askChannel,
        this.confirm,
        this.create.bind(this),
      ]),
    );
    this.initialDialogId = 'intakeSteps';
  }

  private async askWhatHappened(step: WaterfallStepContext) {
    return step.prompt(TEXT_PROMPT, ask(step.context, 'intake.whatHappened'));
  }

  private async askWhenStarted(step: WaterfallStepContext) {
    answers(step).whatHappened = String(step.result).trim();
    return step.prompt(TEXT_PROMPT, ask(step.context, 'intake.whenStarted'));
  }

  private async askOutcome(step: WaterfallStepContext) {
    const a = answers(step);
    const options = step.options as IntakeOptions;
    a.startedText = String(step.result).trim();
    const startedOn = parseWhenStarted(a.startedText, this.deps.now());
    a.startedOn = startedOn ? startedOn.toISOString().slice(0, 10) : null;
    a.flagged = overTwelveMonths(startedOn, new Date(options.receivedAt));
    if (a.flagged) await step.context.sendActivity(t(step.context, 'intake.overTwelveMonths'));
    return step.prompt(TEXT_PROMPT, ask(step.context, 'intake.outcome'));
  }

  private async askWho(step: WaterfallStepContext) {
    answers(step).outcome = String(step.result).trim();
    return step.prompt(NUMBER_PROMPT, { ...ask(step.context, 'intake.who', 'retryNumber'), validations: { max: 2 } });
  }

  private async representative(step: WaterfallStepContext) {
    const forSomeoneElse = numbers(String(step.result), 2)?.[0] === 2;
    return forSomeoneElse ? step.beginDialog(REPRESENTATIVE_DIALOG) : step.next();
  }

  private async identify(step: WaterfallStepContext) {
    const a = answers(step);
    if (step.result) a.representative = step.result as RepresentativeInput;
    const known = snapshot(step.context).residentId;
    // A representative always names the resident: the sender's own link may be to someone else.
    if (a.representative) return step.beginDialog(IDENTITY_DIALOG, { asRepresentative: true });
    return known ? step.next({ residentId: known }) : step.beginDialog(IDENTITY_DIALOG, {});
  }

  private async adjustments(step: WaterfallStepContext) {
    answers(step).residentId = (step.result as { residentId: string }).residentId;
    return step.beginDialog(ADJUSTMENTS_DIALOG);
  }

  private async askChannel(step: WaterfallStepContext) {
    answers(step).adjustments = step.result as AdjustmentsResult;
    return step.prompt(NUMBER_PROMPT, { ...ask(step.context, 'intake.channel', 'retryNumber'), validations: { max: 5 } });
  }

  private async confirm(step: WaterfallStepContext) {
    const a = answers(step);
    const n = numbers(String(step.result), 5)?.[0];
    a.channel = n ? (CHANNELS[n - 1] ?? null) : null;
    const c = step.context;
    const rep = a.representative;
    const listed = a.adjustments.adjustments.map((adj) => describeAdjustment(c, adj)).join(', ');
    const summary = t(c, 'intake.summary', {
      summary: a.whatHappened,
      started: a.startedText || t(c, 'intake.startedUnknown'),
      outcome: a.outcome,
      representative: rep ? t(c, 'intake.summaryRepresentative', { name: rep.name, relationship: rep.relationship }) : '',
      adjustments: listed ? t(c, 'intake.summaryAdjustments', { list: listed }) : '',
      channel: a.channel ? channelName(c, a.channel) : '-',
    });
    return step.prompt(YES_NO_PROMPT, { prompt: summary, retryPrompt: t(c, 'retryYesNo') });
  }

  private async create(step: WaterfallStepContext) {
    const options = step.options as IntakeOptions;
    if (!yesNo(step.context, String(step.result))) {
      await step.context.sendActivity(t(step.context, 'intake.again'));
      return step.replaceDialog(COMPLAINT_INTAKE_DIALOG, options);
    }
    const a = answers(step);
    const session = await getSession(this.deps, step.context);
    const language = a.adjustments.language ?? session.language ?? 'en';
    const { reference } = await this.deps.intake.createComplaint(conversationRef(step.context), {
      residentId: a.residentId,
      receivedAt: new Date(options.receivedAt),
      summary: [options.initialText, a.whatHappened].filter(Boolean).join('\n'),
      startedOn: a.startedOn ? new Date(`${a.startedOn}T00:00:00Z`) : null,
      flaggedOverTwelveMonths: a.flagged,
      outcomesSought: a.outcome,
      ...(a.representative ? { representative: a.representative } : {}),
      adjustments: a.adjustments.adjustments,
      disclosures: a.adjustments.disclosures,
      preferredChannel: a.channel,
      language,
      serviceRequestId: options.serviceRequestId,
    });
    delete session.firstDissatisfiedAt;
    if (a.adjustments.language) session.language = a.adjustments.language;
    await step.context.sendActivity(t(step.context, 'intake.logged', { reference }));
    await step.context.sendActivity(t(step.context, 'intake.ombudsman'));
    return step.endDialog({ reference });
  }
}

function answers(step: WaterfallStepContext): Answers {
  return step.values as Answers;
}

function channelName(context: WaterfallStepContext['context'], channel: ContactChannel): string {
  switch (channel) {
    case 'whatsapp':
      return t(context, 'channels.whatsapp');
    case 'email':
      return t(context, 'channels.email');
    case 'phone':
      return t(context, 'channels.phone');
    case 'letter':
      return t(context, 'channels.letter');
    default:
      return t(context, 'channels.sms');
  }
}
