// Base for dialogs the resident can interrupt mid-prompt (the sample's CancelAndHelpDialog).
import { ComponentDialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { DialogDeps } from './context.ts';
import { interrupt } from './interruptions.ts';

export abstract class InterruptibleDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly deps: DialogDeps,
  ) {
    super(id);
  }

  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await interrupt(innerDc, this.deps)) ?? super.onContinueDialog(innerDc);
  }
}
