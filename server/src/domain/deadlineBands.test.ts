import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, parseCivilDate } from './civilDate.ts';
import type { CivilDate } from './civilDate.ts';
import { DEADLINE_STATUSES } from './deadlines.ts';
import { dueDateRange } from './deadlineBands.ts';
import { summariseDeadline } from './deadlines.ts';
import { createWorkingCalendar } from './workingDays.ts';

const calendar = createWorkingCalendar({ closureDays: [parseCivilDate('2026-12-29'), parseCivilDate('2026-12-30')] });
const inRange = (day: CivilDate, range: { from?: CivilDate; before?: CivilDate }) =>
  (range.from === undefined || day >= range.from) && (range.before === undefined || day < range.before);

describe('dueDateRange', () => {
  it('over Easter 2026: on Thursday 2 April, due soon runs to Wednesday 8 April (Good Friday and Easter Monday are not working days)', () => {
    const today = parseCivilDate('2026-04-02');
    expect(dueDateRange('overdue', today, calendar)).toEqual({ before: '2026-04-02' });
    // Working days after Thursday: Tue 7 (1), Wed 8 (2), Thu 9 (3) - so due soon is 2 to 8 April.
    expect(dueDateRange('due_soon', today, calendar)).toEqual({ from: '2026-04-02', before: '2026-04-09' });
    expect(dueDateRange('on_track', today, calendar)).toEqual({ from: '2026-04-09' });
  });

  it('puts every due date in exactly the band summariseDeadline gives it (any day, bank holidays and closure days included)', () => {
    const start = parseCivilDate('2026-01-01');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 730 }), fc.integer({ min: -40, max: 40 }), (offset, gap) => {
        const today = addCalendarDays(start, offset);
        const dueOn = addCalendarDays(today, gap);
        const status = summariseDeadline(dueOn, today, calendar).status;
        const bands = DEADLINE_STATUSES.filter((band) => inRange(dueOn, dueDateRange(band, today, calendar)));
        expect(bands).toEqual([status]);
      }),
      { numRuns: 2000 },
    );
  });
});
