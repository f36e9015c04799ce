// 5.10: reasonable adjustments and any disability the resident chooses to disclose. The preferred
// language is one of the adjustments (3.1: anticipate them, Equality Act 2010).
import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import { t } from '../messages/catalogue.ts';
import type { AdjustmentInput, AdjustmentKind, DisclosureInput } from '../intake/IntakePort.ts';
import { ask, isSkip, NUMBER_PROMPT, numberPrompt, numbers, TEXT_PROMPT, textPrompt } from './answers.ts';
import { languageCode } from './languages.ts';

export const ADJUSTMENTS_DIALOG = 'adjustmentsDialog';

export interface AdjustmentsResult {
  adjustments: AdjustmentInput[];
  disclosures: DisclosureInput[];
  language: string | null;
}

const BY_NUMBER: Record<number, AdjustmentKind> = { 1: 'large_print', 2: 'language', 3: 'text_only', 4: 'call_times', 5: 'support_worker', 6: 'other' };
/** The kinds that need a detail, in the order they are asked about. */
const FOLLOW_UPS: Array<[AdjustmentKind, string]> = [
  ['language', 'adjustments.askLanguage'],
  ['call_times', 'adjustments.askCallTimes'],
  ['support_worker', 'adjustments.askSupportWorker'],
  ['other', 'adjustments.askOther'],
];

interface Values {
  kinds: AdjustmentKind[];
  details: Partial<Record<AdjustmentKind, string>>;
  asking?: AdjustmentKind;
}

export class AdjustmentsDialog extends ComponentDialog {
  constructor() {
    super(ADJUSTMENTS_DIALOG);
    this.addDialog(textPrompt());
    this.addDialog(numberPrompt());
    const followUps = FOLLOW_UPS.map(([kind]) => (step: WaterfallStepContext) => this.followUp(step, kind));
    this.addDialog(new WaterfallDialog('adjustmentSteps', [this.askKinds, ...followUps, this.askDisclosure.bind(this), this.finish.bind(this)]));
    this.initialDialogId = 'adjustmentSteps';
  }

  private async askKinds(step: WaterfallStepContext) {
    return step.prompt(NUMBER_PROMPT, { ...ask(step.context, 'adjustments.ask', 'retryNumber'), validations: { max: 6 } });
  }

  /** Stores the answer to the previous follow-up, then asks this kind's, if it was chosen. */
  private async followUp(step: WaterfallStepContext, kind: AdjustmentKind) {
    const values = this.values(step);
    const key = FOLLOW_UPS.find(([k]) => k === kind)?.[1] ?? 'adjustments.askOther';
    if (!values.kinds.includes(kind)) return step.next();
    values.asking = kind;
    return step.prompt(TEXT_PROMPT, ask(step.context, key));
  }

  private async askDisclosure(step: WaterfallStepContext) {
    this.values(step);
    return step.prompt(TEXT_PROMPT, ask(step.context, 'adjustments.askDisclosure'));
  }

  private async finish(step: WaterfallStepContext) {
    const values = step.values as Values;
    const answer = String(step.result ?? '').trim();
    const disclosures: DisclosureInput[] = isSkip(step.context, answer) || answer === '' ? [] : [{ kind: 'disability', description: answer }];
    const adjustments = values.kinds.map((kind) => ({ kind, details: values.details[kind] ?? kind.replace('_', ' ') }));
    const language = values.details.language ? languageCode(values.details.language) : null;
    const result: AdjustmentsResult = { adjustments, disclosures, language };
    return step.endDialog(result);
  }

  private values(step: WaterfallStepContext): Values {
    const values = step.values as Values;
    if (!values.kinds) {
      values.kinds = (numbers(String(step.result), 6) ?? []).flatMap((n) => (BY_NUMBER[n] ? [BY_NUMBER[n]] : []));
      values.details = {};
    } else if (values.asking) {
      values.details[values.asking] = String(step.result).trim();
      delete values.asking;
    }
    return values;
  }
}

/** How an adjustment reads back to the resident in the summary. */
export function describeAdjustment(context: TurnContext, { kind, details }: AdjustmentInput): string {
  switch (kind) {
    case 'large_print':
      return t(context, 'adjustments.largePrint');
    case 'text_only':
      return t(context, 'adjustments.textOnly');
    case 'language':
      return t(context, 'adjustments.language', { details });
    case 'call_times':
      return t(context, 'adjustments.callTimes', { details });
    case 'support_worker':
      return t(context, 'adjustments.supportWorker', { details });
    default:
      return t(context, 'adjustments.other', { details });
  }
}
