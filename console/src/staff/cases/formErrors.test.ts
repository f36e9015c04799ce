import { describe, expect, it } from 'vitest';
import { ZExtendCaseSchema, ZRespondCaseSchema } from '@complaints/server/schemas';
import { ApiError } from '../../shared/api.ts';
import { formErrorsFrom, issuesToFieldErrors } from './formErrors.ts';
import { formatCivilDate, poundsToPence } from './format.ts';

describe('errors placed by the field they are about', () => {
  it('maps the shared schema’s issues to field keys, first message per field', () => {
    const checked = ZRespondCaseSchema.safeParse({ reasons: ' ', remedies: [{ kind: 'financial', description: 'Pay', dueOn: '2026-02-30', ownerId: 'x' }], version: 1 });
    expect(checked.success).toBe(false);
    const fields = issuesToFieldErrors(checked.error?.issues ?? []);
    expect(fields).toMatchObject({
      decision: 'Choose a decision: upheld, partly upheld or not upheld',
      reasons: 'The reasons for the decision cannot be empty',
      'remedies.0.dueOn': 'That date does not exist',
      'remedies.0.ownerId': 'The owner must be a valid id',
      'remedies.0.amountPence': 'A financial remedy must state the amount',
    });
  });

  it('puts the engine’s 422 at the field its code names, and keeps the message for the form', () => {
    const needsGoodReason = new ApiError(422, 'CODE_RULE', '6.4: 2026-05-05 is more than 10 working days after the original due date', { code: 'extension_needs_good_reason', provision: '6.4' });
    expect(formErrorsFrom(needsGoodReason)).toEqual({ form: needsGoodReason.message, fields: { goodReason: needsGoodReason.message } });
    const other = new ApiError(422, 'CODE_RULE', '6.3: a response follows the acknowledgement', { code: 'invalid_transition', provision: '6.3' });
    expect(formErrorsFrom(other)).toEqual({ form: other.message, fields: {} });
  });

  it('reads the server’s 400 issues like the browser’s own', () => {
    const checked = ZExtendCaseSchema.safeParse({ workingDays: 0, reason: 'x', version: 1 });
    const error = new ApiError(400, 'INVALID_REQUEST', 'workingDays: Extend by at least 1 working day', checked.error?.issues);
    expect(formErrorsFrom(error).fields).toEqual({ workingDays: 'Extend by at least 1 working day' });
  });
});

describe('formats', () => {
  it('reads pounds as pence and refuses anything else', () => {
    expect(poundsToPence('50')).toBe(5000);
    expect(poundsToPence('£12.5')).toBe(1250);
    expect(poundsToPence(' 0.99 ')).toBe(99);
    expect(poundsToPence('')).toBeUndefined();
    expect(poundsToPence('ten')).toBeNaN();
    expect(poundsToPence('1.999')).toBeNaN();
  });

  it('writes a civil date as the calendar day, whatever the browser’s time zone', () => {
    expect(formatCivilDate('2026-12-28')).toMatch(/^Monday,? 28 December 2026$/);
  });
});
