import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilDateInLondon, parseCivilDate } from './civilDate.ts';
import {
  CODE_TIMESCALES,
  STAGE_1_ACKNOWLEDGE_WORKING_DAYS,
  STAGE_1_EXTENSION_LIMIT_WORKING_DAYS,
  STAGE_1_RESPONSE_WORKING_DAYS,
  STAGE_2_ACKNOWLEDGE_WORKING_DAYS,
  STAGE_2_EXTENSION_LIMIT_WORKING_DAYS,
  STAGE_2_RESPONSE_WORKING_DAYS,
  acknowledgementDueOn,
  deadlineStatus,
  latestDueOnWithoutGoodReason,
  responseDueOn,
  summariseDeadline,
} from './deadlines.ts';
import { createWorkingCalendar } from './workingDays.ts';

const d = parseCivilDate;
const calendar = createWorkingCalendar();

describe('the Code timescales', () => {
  it('are the numbers in 6.2, 6.3, 6.4, 6.11, 6.14 and 6.15', () => {
    expect([STAGE_1_ACKNOWLEDGE_WORKING_DAYS, STAGE_1_RESPONSE_WORKING_DAYS, STAGE_1_EXTENSION_LIMIT_WORKING_DAYS]).toEqual([5, 10, 10]);
    expect([STAGE_2_ACKNOWLEDGE_WORKING_DAYS, STAGE_2_RESPONSE_WORKING_DAYS, STAGE_2_EXTENSION_LIMIT_WORKING_DAYS]).toEqual([5, 20, 20]);
    expect(CODE_TIMESCALES.stage_2.respond.provision).toBe('6.14');
  });
});

describe('acknowledgement due dates from the instant of receipt (London calendar)', () => {
  it.each([
    ['summer Sunday 23:30 UTC is Monday in London', '2026-06-14T23:30:00Z', 'stage_1', '2026-06-22'],
    ['summer Sunday 22:30 UTC is still Sunday', '2026-06-14T22:30:00Z', 'stage_1', '2026-06-19'],
    ['winter Thursday 23:30 UTC stays Thursday', '2026-01-15T23:30:00Z', 'stage_1', '2026-01-22'],
    ['Maundy Thursday evening', '2026-04-02T18:00:00Z', 'stage_1', '2026-04-13'],
    ['Good Friday', '2026-04-03T09:00:00Z', 'stage_1', '2026-04-13'],
    ['Easter Monday', '2026-04-06T09:00:00Z', 'stage_1', '2026-04-13'],
    ['spring clock change: Sunday 22:59 UTC is Sunday', '2026-03-29T22:59:00Z', 'stage_1', '2026-04-07'],
    ['spring clock change: Sunday 23:30 UTC is Monday', '2026-03-29T23:30:00Z', 'stage_1', '2026-04-08'],
    ['autumn clock change: Wednesday 22:59 UTC is Wednesday (BST)', '2026-10-21T22:59:00Z', 'stage_1', '2026-10-28'],
    ['autumn clock change: Wednesday 23:30 UTC is Thursday (BST)', '2026-10-21T23:30:00Z', 'stage_1', '2026-10-29'],
    ['after the clocks go back: Monday 23:30 UTC stays Monday', '2026-10-26T23:30:00Z', 'stage_1', '2026-11-02'],
    ['Christmas Eve', '2026-12-24T16:00:00Z', 'stage_1', '2027-01-05'],
    ['Boxing Day substitute (Monday 28 December)', '2026-12-28T10:00:00Z', 'stage_1', '2027-01-05'],
    ['Saturday before the early May bank holiday', '2026-05-02T11:00:00Z', 'stage_1', '2026-05-11'],
    ['a stage 2 request on a bank holiday (6.11)', '2026-08-31T12:00:00Z', 'stage_2', '2026-09-07'],
  ] as const)('%s', (_label, instant, stage, expected) => {
    expect(acknowledgementDueOn(stage, new Date(instant), calendar)).toBe(expected);
  });
});

describe('response due dates count from the acknowledgement (6.3, 6.14)', () => {
  it.each([
    ['stage 1 across Easter', 'stage_1', '2026-04-02', '2026-04-20'],
    ['stage 1 across Christmas and New Year', 'stage_1', '2026-12-18', '2027-01-06'],
    ['stage 1 from the Boxing Day substitute', 'stage_1', '2026-12-28', '2027-01-12'],
    ['stage 2 across Christmas and New Year', 'stage_2', '2026-12-24', '2027-01-26'],
    ['stage 2 across the May bank holiday', 'stage_2', '2026-04-22', '2026-05-21'],
  ] as const)('%s', (_label, stage, acknowledgedOn, expected) => {
    expect(responseDueOn(stage, d(acknowledgedOn), calendar)).toBe(expected);
  });

  it('reads an acknowledgement instant on the London calendar', () => {
    // 23:30 UTC on Thursday 2 April 2026 is 00:30 on Good Friday in London.
    expect(responseDueOn('stage_1', new Date('2026-04-02T23:30:00Z'), calendar)).toBe('2026-04-20');
    expect(responseDueOn('stage_1', new Date('2026-04-01T23:30:00Z'), calendar)).toBe('2026-04-20');
    expect(responseDueOn('stage_1', new Date('2026-04-01T22:30:00Z'), calendar)).toBe('2026-04-17');
  });

  it('honours closure days', () => {
    const closed = createWorkingCalendar({ closureDays: [d('2026-12-29'), d('2026-12-30'), d('2026-12-31')] });
    expect(responseDueOn('stage_1', d('2026-12-18'), closed)).toBe('2027-01-11');
  });
});

describe('extension limits (6.4, 6.15)', () => {
  it('are 10 and 20 working days past the original due date', () => {
    expect(latestDueOnWithoutGoodReason('stage_1', d('2026-04-20'), calendar)).toBe('2026-05-05');
    expect(latestDueOnWithoutGoodReason('stage_2', d('2026-12-24'), calendar)).toBe('2027-01-26');
  });
});

describe('deadline status', () => {
  it.each([
    ['2026-04-07', 'on_track', 4],
    ['2026-04-08', 'on_track', 3],
    ['2026-04-09', 'due_soon', 2],
    ['2026-04-11', 'due_soon', 1],
    ['2026-04-13', 'due_soon', 0],
    ['2026-04-14', 'overdue', -1],
  ] as const)('due Monday 13 April 2026, seen on %s: %s', (today, status, left) => {
    expect(summariseDeadline(d('2026-04-13'), d(today), calendar)).toEqual({ dueOn: '2026-04-13', status, workingDaysLeft: left });
  });

  it('is overdue the day after a Friday due date, even at the weekend', () => {
    expect(deadlineStatus(d('2026-04-10'), d('2026-04-11'), calendar)).toBe('overdue');
  });
});

describe('properties', () => {
  const instants = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T23:59:59Z'), noInvalidDate: true });
  const stages = fc.constantFrom('stage_1' as const, 'stage_2' as const);

  it('every acknowledgement and response due date is a working day after the start', () => {
    fc.assert(
      fc.property(instants, stages, (instant, stage) => {
        const start = civilDateInLondon(instant);
        const ack = acknowledgementDueOn(stage, instant, calendar);
        const resp = responseDueOn(stage, instant, calendar);
        return (
          calendar.isWorkingDay(ack) &&
          calendar.isWorkingDay(resp) &&
          calendar.workingDaysBetween(start, ack) === CODE_TIMESCALES[stage].acknowledge.workingDays &&
          calendar.workingDaysBetween(start, resp) === CODE_TIMESCALES[stage].respond.workingDays
        );
      }),
      { numRuns: 300 },
    );
  });
});
