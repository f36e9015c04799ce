// Whether each step of a stage met the Code's timescales, as the reports judge it (README,
// "Reports: definitions"). All counts are working days on the landlord's calendar.
//
// - Acknowledgement: within 5 working days of the stage starting (6.2, 6.11).
// - Response: within 10 (stage 1, 6.3) or 20 (stage 2, 6.14) working days of the acknowledgement,
//   counted from the acknowledgement or from the day it was due, whichever is earlier: acknowledging
//   late never buys the response more time, so the figure cannot flatter late handling.
// - Extensions (6.4, 6.15) move the response due date when they were made on or before the due
//   date they extended (an extension after the deadline has passed cannot make a late response
//   timely), and by no more than 10 / 20 working days in total unless a good reason is recorded.
import type { CivilDate } from '../civilDate.ts';
import { CODE_TIMESCALES } from '../deadlines.ts';
import type { ReportStage } from './reportCase.ts';
import type { WorkingDayIndex } from './workingDayIndex.ts';

export interface StageTimeliness {
  acknowledgementDueOn: CivilDate;
  /** null until acknowledged. */
  acknowledgedInTime: boolean | null;
  /** The Code's due date for the response without any extension; null until acknowledged. */
  baseResponseDueOn: CivilDate | null;
  /** With the extensions that count; null until acknowledged. */
  responseDueOn: CivilDate | null;
  /** Extension working days that counted towards responseDueOn. */
  extensionWorkingDaysCounted: number;
  /** null until responded. */
  respondedInTime: boolean | null;
  /** Responded within 10 / 20 working days with no extension needed. */
  respondedWithoutExtension: boolean | null;
  /** From the stage starting (receipt, or the escalation request) to the response. */
  workingDaysToRespond: number | null;
}

export function stageTimeliness(s: ReportStage, index: WorkingDayIndex): StageTimeliness {
  const scale = CODE_TIMESCALES[s.stage];
  const acknowledgementDueOn = index.addWorkingDays(s.startedOn, scale.acknowledge.workingDays);
  if (s.acknowledgedOn === null) {
    return {
      acknowledgementDueOn,
      acknowledgedInTime: null,
      baseResponseDueOn: null,
      responseDueOn: null,
      extensionWorkingDaysCounted: 0,
      respondedInTime: null,
      respondedWithoutExtension: null,
      workingDaysToRespond: null,
    };
  }
  const clockStart = s.acknowledgedOn < acknowledgementDueOn ? s.acknowledgedOn : acknowledgementDueOn;
  const baseResponseDueOn = index.addWorkingDays(clockStart, scale.respond.workingDays);
  const limit = scale.extensionLimit.workingDays;
  let responseDueOn = baseResponseDueOn;
  let counted = 0;
  let goodReason = false;
  for (const extension of s.extensions) {
    if (extension.createdOn > responseDueOn) continue;
    goodReason ||= extension.goodReason !== null;
    counted += goodReason ? extension.workingDays : Math.max(0, Math.min(extension.workingDays, limit - counted));
    responseDueOn = index.addWorkingDays(baseResponseDueOn, counted);
  }
  const responded = s.respondedOn;
  return {
    acknowledgementDueOn,
    acknowledgedInTime: s.acknowledgedOn <= acknowledgementDueOn,
    baseResponseDueOn,
    responseDueOn,
    extensionWorkingDaysCounted: counted,
    respondedInTime: responded === null ? null : responded <= responseDueOn,
    respondedWithoutExtension: responded === null ? null : responded <= baseResponseDueOn,
    workingDaysToRespond: responded === null ? null : index.workingDaysBetween(s.startedOn, responded),
  };
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundTo(values.reduce((sum, v) => sum + v, 0) / values.length, 1);
}

export function roundTo(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f + Number.EPSILON * f) / f;
}

/** A percentage to one decimal place; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : roundTo((part / whole) * 100, 1);
}
