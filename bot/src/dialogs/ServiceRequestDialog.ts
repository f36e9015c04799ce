// 1.4: a service request is not a complaint, but it is recorded and monitored. The resident is
// told that dissatisfaction with it can become a complaint (1.5).
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { t } from '../messages/catalogue.ts';
import { conversationRef, snapshot, type DialogDeps } from './context.ts';
import { IDENTITY_DIALOG, IdentityDialog } from './IdentityDialog.ts';

export const SERVICE_REQUEST_DIALOG = 'serviceRequestDialog';

export interface ServiceRequestOptions {
  description: string;
  receivedAt: string;
}

export class ServiceRequestDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(SERVICE_REQUEST_DIALOG);
    this.addDialog(new IdentityDialog(deps));
    this.addDialog(new WaterfallDialog('serviceRequestSteps', [this.identify.bind(this), this.record.bind(this)]));
    this.initialDialogId = 'serviceRequestSteps';
  }

  private async identify(step: WaterfallStepContext) {
    const residentId = snapshot(step.context).residentId;
    return residentId ? step.next({ residentId }) : step.beginDialog(IDENTITY_DIALOG, {});
  }

  private async record(step: WaterfallStepContext) {
    const options = step.options as ServiceRequestOptions;
    const { residentId } = step.result as { residentId: string };
    const { reference } = await this.deps.intake.recordServiceRequest(conversationRef(step.context), {
      residentId,
      description: options.description,
      receivedAt: new Date(options.receivedAt),
    });
    await step.context.sendActivity(t(step.context, 'serviceRequest.recorded', { reference }));
    return step.endDialog({ reference });
  }
}
