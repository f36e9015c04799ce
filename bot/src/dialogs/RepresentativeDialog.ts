// 3.6: someone acting for the resident. Consent is recorded as told, or left for staff to verify;
// it is never assumed.
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import type { RepresentativeInput } from '../intake/IntakePort.ts';
import { ask, NUMBER_PROMPT, numberPrompt, numbers, TEXT_PROMPT, textPrompt } from './answers.ts';

export const REPRESENTATIVE_DIALOG = 'representativeDialog';

const CONSENT: Record<number, Pick<RepresentativeInput, 'consentStatus' | 'consentMethod'>> = {
  1: { consentStatus: 'given', consentMethod: 'written' },
  2: { consentStatus: 'given', consentMethod: 'verbal' },
  3: { consentStatus: 'given', consentMethod: 'legal_authority' },
};

export class RepresentativeDialog extends ComponentDialog {
  constructor() {
    super(REPRESENTATIVE_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(numberPrompt());
    this.addDialog(new WaterfallDialog('representativeSteps', [this.askName, this.askRelationship, this.askConsent, this.finish]));
    this.initialDialogId = 'representativeSteps';
  }

  private async askName(step: WaterfallStepContext) {
    return step.prompt(TEXT_PROMPT, ask(step.context, 'representative.askName'));
  }

  private async askRelationship(step: WaterfallStepContext) {
    (step.values as { name: string }).name = String(step.result).trim();
    return step.prompt(TEXT_PROMPT, ask(step.context, 'representative.askRelationship'));
  }

  private async askConsent(step: WaterfallStepContext) {
    (step.values as { relationship: string }).relationship = String(step.result).trim();
    return step.prompt(NUMBER_PROMPT, { ...ask(step.context, 'representative.askConsent', 'retryNumber'), validations: { max: 4 } });
  }

  private async finish(step: WaterfallStepContext) {
    const choice = numbers(String(step.result), 4)?.[0] ?? 4;
    const consent = CONSENT[choice] ?? { consentStatus: 'to_be_verified', consentMethod: 'not_recorded' };
    if (consent.consentStatus === 'to_be_verified') await step.context.sendActivity(t(step.context, 'representative.toBeVerified'));
    const result: RepresentativeInput = { name: (step.values as { name: string }).name, relationship: (step.values as { relationship: string }).relationship, ...consent };
    return step.endDialog(result);
  }
}
