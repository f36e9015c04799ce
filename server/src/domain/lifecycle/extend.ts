// 6.4 / 6.15: extending a response timescale, with the notice of 6.5 / 6.16.
import type { CivilDate } from '../civilDate.ts';
import { CODE_TIMESCALES, latestDueOnWithoutGoodReason } from '../deadlines.ts';
import type { WorkingCalendar } from '../workingDays.ts';
import type { CaseSnapshot, ExtensionRecord, StageRecord } from './caseSnapshot.ts';
import { change, letterEvent } from './eventBuilders.ts';
import { isBlank, stageProvision } from './guards.ts';
import type { OperationContext, Transition } from './operation.ts';
import { currentStageRecord, withCurrentStage } from './stageAccess.ts';
import { violate } from './violations.ts';

export interface ExtendInput {
  /** Working days to add to the current due date; give this or newDueOn. */
  workingDays?: number | null;
  newDueOn?: CivilDate | null;
  reason: string;
  /** Required when the stage's total extension passes 10 (stage 1) or 20 (stage 2) working days. */
  goodReason?: string | null;
  /** 5.9: how often, in days, the resident will be kept informed meanwhile. */
  updateIntervalDays?: number | null;
}

/** How far a stage's response timescale can move without a good reason (6.4 / 6.15). */
export interface ExtensionAllowance {
  /** The response due date set on acknowledgement, before any extension. */
  originalDueOn: CivilDate;
  /** A new due date after this needs a good reason, explained to the resident. */
  latestDueOnWithoutGoodReason: CivilDate;
  workingDays: number;
  provision: string;
}

/**
 * The limit is measured from the stage's original due date, so several short extensions cannot
 * add up past it unexplained. Null before the response clock starts (no acknowledgement yet).
 */
export function extensionAllowance(s: StageRecord, calendar: WorkingCalendar): ExtensionAllowance | null {
  if (s.responseDueOn === null) return null;
  const originalDueOn = s.extensions[0]?.previousDueOn ?? s.responseDueOn;
  const { workingDays, provision } = CODE_TIMESCALES[s.stage].extensionLimit;
  return { originalDueOn, latestDueOnWithoutGoodReason: latestDueOnWithoutGoodReason(s.stage, originalDueOn, calendar), workingDays, provision };
}

/**
 * 6.4 / 6.15: extend the response timescale, with the reason, and tell the resident with the
 * Ombudsman's contact details (6.5 / 6.16). The "without good reason" limit is measured from the
 * stage's original due date, so several short extensions cannot add up past it unexplained.
 */
export function extend(c: CaseSnapshot, input: ExtendInput, ctx: OperationContext): Transition {
  const s = currentStageRecord(c);
  const provision = stageProvision(c.stage, '6.4', '6.15');
  if (c.status !== 'acknowledged' || s.responseDueOn === null) {
    violate(
      'invalid_transition',
      provision,
      `a response timescale can be extended only after acknowledgement and before the response; this complaint is ${c.status}`,
    );
  }
  if (isBlank(input.reason)) {
    violate('extension_reason_required', provision, 'give the reason for the extension; it will be explained to the resident');
  }
  const hasDays = input.workingDays != null;
  const hasDate = input.newDueOn != null;
  if (hasDays === hasDate) {
    violate('extension_invalid', provision, 'give either the number of extra working days or the new due date, not both');
  }
  const currentDueOn = s.responseDueOn;
  let newDueOn: CivilDate;
  let workingDays: number;
  if (hasDays) {
    workingDays = input.workingDays as number;
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      violate('extension_invalid', provision, 'an extension must be a whole number of working days, at least 1');
    }
    newDueOn = ctx.calendar.addWorkingDays(currentDueOn, workingDays);
  } else {
    newDueOn = input.newDueOn as CivilDate;
    if (newDueOn <= currentDueOn || !ctx.calendar.isWorkingDay(newDueOn)) {
      violate('extension_invalid', provision, `the new due date must be a working day after the current due date (${currentDueOn})`);
    }
    workingDays = ctx.calendar.workingDaysBetween(currentDueOn, newDueOn);
  }
  if (input.updateIntervalDays != null && (!Number.isInteger(input.updateIntervalDays) || input.updateIntervalDays < 1)) {
    violate('extension_invalid', '5.9', 'the interval for keeping the resident informed must be a whole number of days');
  }
  const allowance = extensionAllowance(s, ctx.calendar) as ExtensionAllowance;
  if (newDueOn > allowance.latestDueOnWithoutGoodReason && isBlank(input.goodReason)) {
    violate(
      'extension_needs_good_reason',
      provision,
      `${newDueOn} is more than ${allowance.workingDays} working days after the original due date (${allowance.originalDueOn}); an extension that long needs a good reason, explained to the resident`,
    );
  }
  const extension: ExtensionRecord = {
    id: ctx.newId(),
    previousDueOn: currentDueOn,
    newDueOn,
    workingDays,
    reason: input.reason.trim(),
    goodReason: isBlank(input.goodReason) ? null : (input.goodReason as string).trim(),
    updateIntervalDays: input.updateIntervalDays ?? null,
    createdById: ctx.actorId,
    createdAt: ctx.now,
  };
  const snapshot = withCurrentStage(c, { ...s, responseDueOn: newDueOn, extensions: [...s.extensions, extension] });
  return {
    snapshot,
    events: [
      change(c, ctx, 'complaint.extended', { responseDueOn: currentDueOn }, { responseDueOn: newDueOn, extension }, {
        type: 'extension',
        id: extension.id,
      }),
      letterEvent(c, ctx, {
        kind: 'extension_notice',
        stage: c.stage,
        reference: c.reference,
        previousDueOn: currentDueOn,
        newDueOn,
        reason: extension.reason,
        goodReason: extension.goodReason,
        updateIntervalDays: extension.updateIntervalDays,
      }),
    ],
  };
}
