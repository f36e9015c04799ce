// Routes each new message by the detector's label: dissatisfaction gets the complaint offer
// (1.3), a service request is recorded (1.4), and anything unclear twice in a row goes to a
// person. Safety cues and commands are checked first, here and mid-dialog (the base class).
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import { COMPLAINT_OFFER_DIALOG, ComplaintOfferDialog, type OfferOptions } from './ComplaintOfferDialog.ts';
import { conversationRef, getSession, snapshot, storedMessageId, text, type DialogDeps } from './context.ts';
import { handOff } from './handoff.ts';
import { interrupt } from './interruptions.ts';
import { InterruptibleDialog } from './InterruptibleDialog.ts';
import { SERVICE_REQUEST_DIALOG, ServiceRequestDialog, type ServiceRequestOptions } from './ServiceRequestDialog.ts';

export const MAIN_DIALOG = 'mainDialog';

export class MainDialog extends InterruptibleDialog {
  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG, deps);
    this.addDialog(new ComplaintOfferDialog(deps));
    this.addDialog(new ServiceRequestDialog(deps));
    this.addDialog(new WaterfallDialog('mainSteps', [this.route.bind(this), this.finish.bind(this)]));
    this.initialDialogId = 'mainSteps';
  }

  private async route(step: WaterfallStepContext) {
    const interrupted = await interrupt(step, this.deps);
    if (interrupted) return interrupted;
    const said = text(step.context);
    const session = await getSession(this.deps, step.context);
    const verdict = this.deps.classify(said);
    const messageId = storedMessageId(step.context);
    // Staff see the label and the cues that fired beside the message (triage, conversation view).
    if (messageId) await this.deps.intake.recordClassification(conversationRef(step.context), { messageId, classification: verdict });
    if (verdict.confidence < this.deps.lowConfidence) {
      session.lowConfidenceStreak = (session.lowConfidenceStreak ?? 0) + 1;
      if (session.lowConfidenceStreak >= 2) return handOff(step, this.deps, 'low_confidence', 'detector unsure twice in a row');
      await step.context.sendActivity(t(step.context, 'notUnderstood'));
      return step.endDialog();
    }
    session.lowConfidenceStreak = 0;
    const now = this.deps.now().toISOString();
    switch (verdict.label) {
      case 'complaint': {
        session.firstDissatisfiedAt ??= now;
        const options: OfferOptions = {
          text: said,
          label: verdict.label,
          receivedAt: session.firstDissatisfiedAt,
          serviceRequest: snapshot(step.context).openServiceRequest,
        };
        return step.beginDialog(COMPLAINT_OFFER_DIALOG, options);
      }
      case 'service_request': {
        const options: ServiceRequestOptions = { description: said, receivedAt: now };
        return step.beginDialog(SERVICE_REQUEST_DIALOG, options);
      }
      case 'compliment':
        await this.deps.intake.recordFeedback(conversationRef(step.context), { kind: 'compliment', text: said, at: new Date(now) });
        await step.context.sendActivity(t(step.context, 'compliment'));
        return step.endDialog();
      default:
        await step.context.sendActivity(t(step.context, 'howCanIHelp'));
        return step.endDialog();
    }
  }

  private async finish(step: WaterfallStepContext) {
    return step.endDialog(step.result);
  }
}
