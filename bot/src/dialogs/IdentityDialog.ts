// Links the sender to a resident record by name and postcode or tenancy reference. The reply is
// the same whether or not a record matched, so nobody learns about another person's data.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import { ask, TEXT_PROMPT, textPrompt } from './answers.ts';
import { conversationRef, type DialogDeps } from './context.ts';

export const IDENTITY_DIALOG = 'identityDialog';

export interface IdentityOptions {
  /** A representative gives the resident's details; their own phone is not linked to the resident. */
  asRepresentative?: boolean;
}

const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$/i;

export class IdentityDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(IDENTITY_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(new WaterfallDialog('identitySteps', [this.askName.bind(this), this.askAddress.bind(this), this.link.bind(this)]));
    this.initialDialogId = 'identitySteps';
  }

  private async askName(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as IdentityOptions;
    return step.prompt(TEXT_PROMPT, options.asRepresentative ? ask(step.context, 'identity.askResidentName') : ask(step.context, 'identity.askName'));
  }

  private async askAddress(step: WaterfallStepContext) {
    (step.values as { name: string }).name = String(step.result).trim();
    return step.prompt(TEXT_PROMPT, ask(step.context, 'identity.askAddress'));
  }

  private async link(step: WaterfallStepContext) {
    const options = (step.options ?? {}) as IdentityOptions;
    const answer = String(step.result).trim();
    const details = POSTCODE.test(answer) ? { name: (step.values as { name: string }).name, postcode: answer } : { name: (step.values as { name: string }).name, tenancyRef: answer };
    const { residentId } = await this.deps.intake.findOrLinkResident(conversationRef(step.context), details, { asRepresentative: options.asRepresentative === true });
    await step.context.sendActivity(t(step.context, 'identity.done'));
    return step.endDialog({ residentId });
  }
}
