// The Code's timescales. All are working days (see workingDays.ts); a due date is the last
// working day on which the step is still on time.
import { civilDateInLondon } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import type { WorkingCalendar } from './workingDays.ts';

/** Exactly two stages (5.2, 5.3): there is no stage 0 or "informal" stage. */
export const STAGES = ['stage_1', 'stage_2'] as const;
export type Stage = (typeof STAGES)[number];

/** 6.2: acknowledge, define and log a stage 1 complaint within 5 working days of receipt. */
export const STAGE_1_ACKNOWLEDGE_WORKING_DAYS = 5;
/** 6.3: the stage 1 response within 10 working days of the acknowledgement. */
export const STAGE_1_RESPONSE_WORKING_DAYS = 10;
/** 6.4: a stage 1 extension of no more than 10 working days without good reason. */
export const STAGE_1_EXTENSION_LIMIT_WORKING_DAYS = 10;
/** 6.11: acknowledge, define and log at stage 2 within 5 working days of the escalation request. */
export const STAGE_2_ACKNOWLEDGE_WORKING_DAYS = 5;
/** 6.14: the stage 2 final response within 20 working days of the acknowledgement. */
export const STAGE_2_RESPONSE_WORKING_DAYS = 20;
/** 6.15: a stage 2 extension of no more than 20 working days without good reason. */
export const STAGE_2_EXTENSION_LIMIT_WORKING_DAYS = 20;

/** Not a Code figure: the console's warning window before a due date. */
export const DUE_SOON_WORKING_DAYS = 2;

export interface StageTimescale {
  acknowledge: { workingDays: number; provision: string };
  respond: { workingDays: number; provision: string };
  extensionLimit: { workingDays: number; provision: string };
}

export const CODE_TIMESCALES: Readonly<Record<Stage, StageTimescale>> = {
  stage_1: {
    acknowledge: { workingDays: STAGE_1_ACKNOWLEDGE_WORKING_DAYS, provision: '6.2' },
    respond: { workingDays: STAGE_1_RESPONSE_WORKING_DAYS, provision: '6.3' },
    extensionLimit: { workingDays: STAGE_1_EXTENSION_LIMIT_WORKING_DAYS, provision: '6.4' },
  },
  stage_2: {
    acknowledge: { workingDays: STAGE_2_ACKNOWLEDGE_WORKING_DAYS, provision: '6.11' },
    respond: { workingDays: STAGE_2_RESPONSE_WORKING_DAYS, provision: '6.14' },
    extensionLimit: { workingDays: STAGE_2_EXTENSION_LIMIT_WORKING_DAYS, provision: '6.15' },
  },
};

function toLondonDate(value: Date | CivilDate): CivilDate {
  return value instanceof Date ? civilDateInLondon(value) : value;
}

/**
 * When the acknowledgement is due. `startedAt` is the receipt of the complaint (stage 1, 6.2) or
 * the resident's escalation request (stage 2, 6.11); an instant is read on a London calendar.
 */
export function acknowledgementDueOn(stage: Stage, startedAt: Date | CivilDate, calendar: WorkingCalendar): CivilDate {
  return calendar.addWorkingDays(toLondonDate(startedAt), CODE_TIMESCALES[stage].acknowledge.workingDays);
}

/** When the response is due, counted from the acknowledgement (6.3, 6.14), not from receipt. */
export function responseDueOn(stage: Stage, acknowledgedAt: Date | CivilDate, calendar: WorkingCalendar): CivilDate {
  return calendar.addWorkingDays(toLondonDate(acknowledgedAt), CODE_TIMESCALES[stage].respond.workingDays);
}

/**
 * The latest due date an extension may set without a good reason (6.4, 6.15), counted from the
 * stage's original response due date so that repeated short extensions cannot add up past it.
 */
export function latestDueOnWithoutGoodReason(
  stage: Stage,
  originalDueOn: CivilDate,
  calendar: WorkingCalendar,
): CivilDate {
  return calendar.addWorkingDays(originalDueOn, CODE_TIMESCALES[stage].extensionLimit.workingDays);
}

export const DEADLINE_STATUSES = ['on_track', 'due_soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface DeadlineSummary {
  dueOn: CivilDate;
  status: DeadlineStatus;
  /** Negative once overdue (see WorkingCalendar.workingDaysLeft). */
  workingDaysLeft: number;
}

export function deadlineStatus(dueOn: CivilDate, today: CivilDate, calendar: WorkingCalendar): DeadlineStatus {
  return summariseDeadline(dueOn, today, calendar).status;
}

export function summariseDeadline(dueOn: CivilDate, today: CivilDate, calendar: WorkingCalendar): DeadlineSummary {
  const workingDaysLeft = calendar.workingDaysLeft(dueOn, today);
  const status: DeadlineStatus =
    today > dueOn ? 'overdue' : workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_track';
  return { dueOn, status, workingDaysLeft };
}
