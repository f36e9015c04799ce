// 1.3: the resident need not say "complaint"; on dissatisfaction they are GIVEN THE CHOICE. No
// complaint is logged without their yes. 1.5: a complaint about a request runs beside it.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import { ask, YES_NO_PROMPT, yesNo, yesNoPrompt } from './answers.ts';
import { conversationRef, getSession, type DialogDeps } from './context.ts';
import { COMPLAINT_INTAKE_DIALOG, ComplaintIntakeDialog, type IntakeOptions } from './ComplaintIntakeDialog.ts';

export const COMPLAINT_OFFER_DIALOG = 'complaintOfferDialog';

export interface OfferOptions {
  text: string;
  label: string;
  receivedAt: string;
  serviceRequest: { id: string; reference: string } | null;
}

export class ComplaintOfferDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(COMPLAINT_OFFER_DIALOG);
    this.addDialog(yesNoPrompt());
    this.addDialog(new ComplaintIntakeDialog(deps));
    this.addDialog(new WaterfallDialog('offerSteps', [this.offer.bind(this), this.decide.bind(this)]));
    this.initialDialogId = 'offerSteps';
  }

  private async offer(step: WaterfallStepContext) {
    const options = step.options as OfferOptions;
    await this.deps.intake.markComplaintOffered(conversationRef(step.context), { at: new Date(options.receivedAt), label: options.label });
    const reference = options.serviceRequest?.reference;
    const prompt = reference
      ? ask(step.context, 'offer.askAboutRequest', 'retryYesNo', { reference })
      : ask(step.context, 'offer.ask', 'retryYesNo');
    return step.prompt(YES_NO_PROMPT, prompt);
  }

  private async decide(step: WaterfallStepContext) {
    const options = step.options as OfferOptions;
    const ref = conversationRef(step.context);
    if (yesNo(step.context, String(step.result))) {
      await this.deps.intake.clearComplaintOffered(ref);
      const intake: IntakeOptions = { receivedAt: options.receivedAt, initialText: options.text, serviceRequestId: options.serviceRequest?.id ?? null };
      return step.replaceDialog(COMPLAINT_INTAKE_DIALOG, intake);
    }
    await this.deps.intake.recordFeedback(ref, { kind: 'declined_complaint', text: options.text, at: new Date(options.receivedAt) });
    const session = await getSession(this.deps, step.context);
    delete session.firstDissatisfiedAt;
    await step.context.sendActivity(t(step.context, 'offer.declined'));
    return step.endDialog();
  }
}
